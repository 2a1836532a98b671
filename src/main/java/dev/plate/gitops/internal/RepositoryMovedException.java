package dev.plate.gitops.internal;

import dev.plate.gitops.GitException;

/**
 * The config repository this instance commits to was moved (an admin switched between the embedded Git server
 * and Gitea, perhaps on another instance): its last commit holds {@value ObjectDatabaseRepository#MOVED} saying
 * where the history went. The instance follows the saved setting and tries again.
 */
class RepositoryMovedException extends GitException {

    RepositoryMovedException(String from, String note) {
        super("The config repository " + from + " was moved and Plate no longer commits there ("
                + firstLine(note) + "). Try again in a few seconds, once this instance has followed.", null);
    }

    private static String firstLine(String note) {
        return note.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst()
                .orElse("see " + ObjectDatabaseRepository.MOVED).strip();
    }
}
