package dev.plate.gitops;

/**
 * The config repository this instance commits to was moved (an admin switched between the embedded Git server
 * and Gitea, perhaps on another instance): its last commit holds {@value #NOTE} saying where the history went.
 * The instance follows the saved setting and tries again.
 */
public class RepositoryMovedException extends GitException {

    /** The file whose commit seals a repository Plate moved away from, saying where the history went. */
    public static final String NOTE = "MOVED.md";

    public RepositoryMovedException(String from, String note) {
        super("The config repository " + from + " was moved and Plate no longer commits there ("
                + firstLine(note) + "). Try again in a few seconds, once this instance has followed.", null);
    }

    private static String firstLine(String note) {
        return note.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst()
                .orElse("see " + NOTE).strip();
    }
}
