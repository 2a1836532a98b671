package dev.plate.cli;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What {@code plate import} does about a value it could not detect, rather than guess silently: on a terminal it
 * asks; with {@code --yes} it takes Plate's default; in a script (or a dry run, which never waits for an answer)
 * it takes the default and says so on stderr. The image repository has no default worth taking (an image named
 * after the project, on no registry, is almost surely wrong): it is asked for, or its flag is required.
 */
final class Undetected {

    enum Mode { ASK, ACCEPT, WARN }

    /** Docker's reference grammar as the server checks it (KubernetesNames): this only spares a refused import. */
    private static final Pattern IMAGE_REPOSITORY = Pattern.compile(
            "(?=.{1,255}$)((localhost|[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)+|[a-zA-Z0-9-]+:[0-9]+)(:[0-9]{1,5})?/)?"
                    + "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern HTTP_PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]{0,1023}");

    static final String DEFAULT_PORT = "8080";
    static final String DEFAULT_HEALTH_PATH = "/";

    private final Mode mode;
    private final Terminal terminal;
    private final Prompt prompt;

    Undetected(Mode mode, Terminal terminal) {
        this.mode = mode;
        this.terminal = terminal;
        this.prompt = new Prompt(terminal);
    }

    static Mode mode(boolean yes, boolean dryRun, Terminal terminal) {
        if (yes) {
            return Mode.ACCEPT;
        }
        return dryRun || !terminal.interactive() ? Mode.WARN : Mode.ASK;
    }

    String imageRepository(String project, List<String[]> rows) {
        String example = "ghcr.io/acme/" + project;
        if (mode != Mode.ASK) {
            throw new CliException(ExitCode.USAGE, "Cannot tell where " + project + "'s images are pushed (Plate "
                    + "guesses it only from a GitHub or GitLab remote): give --image-repository, e.g. " + example + ".");
        }
        String answer = prompt.ask("Image repository, where " + project + "'s images are pushed (e.g. " + example
                + ")", Optional.empty(), Undetected::imageRepositoryProblem, "--image-repository");
        rows.add(new String[] {"image repository", answer, "answered"});
        return answer;
    }

    /** @param why why it was not detected, e.g. "no EXPOSE in the Dockerfile" */
    String port(String why, List<String[]> rows) {
        return settle("container port", "port", DEFAULT_PORT, why, "--port", Undetected::portProblem, rows);
    }

    String healthPath(String why, List<String[]> rows) {
        return settle("health path", "health path", DEFAULT_HEALTH_PATH, why, "--health-path",
                Undetected::healthPathProblem, rows);
    }

    private String settle(String label, String noun, String fallback, String why, String flag,
            Function<String, Optional<String>> problem, List<String[]> rows) {
        if (mode == Mode.ASK) {
            String answer = prompt.ask(Character.toUpperCase(label.charAt(0)) + label.substring(1) + " (" + why + ")",
                    Optional.of(fallback), problem, flag);
            rows.add(new String[] {label, answer, "answered"});
            return answer;
        }
        if (mode == Mode.WARN) {
            terminal.err().println("! " + Character.toUpperCase(why.charAt(0)) + why.substring(1) + ": assuming "
                    + noun + " " + fallback + " (" + flag + " to set it)");
        }
        rows.add(new String[] {label, fallback, "guessed: Plate's default; " + flag + " to set it"});
        return fallback;
    }

    private static Optional<String> imageRepositoryProblem(String answer) {
        return IMAGE_REPOSITORY.matcher(answer).matches() ? Optional.empty() : Optional.of("'" + answer + "' is not "
                + "an image repository: a lowercase path without tag or scheme, e.g. ghcr.io/acme/web.");
    }

    private static Optional<String> portProblem(String answer) {
        boolean valid = answer.matches("\\d{1,5}") && Integer.parseInt(answer) >= 1 && Integer.parseInt(answer) <= 65535;
        return valid ? Optional.empty() : Optional.of("A port is a whole number from 1 to 65535.");
    }

    private static Optional<String> healthPathProblem(String answer) {
        return HTTP_PATH.matcher(answer).matches() ? Optional.empty()
                : Optional.of("An HTTP path starts with '/' and has no spaces, e.g. /healthz.");
    }
}
