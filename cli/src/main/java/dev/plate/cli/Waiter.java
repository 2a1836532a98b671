package dev.plate.cli;

import java.time.Duration;
import java.util.Map;

/**
 * {@code --wait}: polls the deployment until Argo CD's report decides it, with a spinner and the elapsed time on a
 * terminal (a line per change otherwise). Exit 0 only when it succeeded.
 */
final class Waiter {

    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final Api api;
    private final Terminal terminal;
    private final Duration timeout;

    Waiter(Api api, Terminal terminal, Duration timeout) {
        this.api = api;
        this.terminal = terminal;
        this.timeout = timeout;
    }

    /** The deployment once it succeeded (or was committed where no Argo CD decides); throws otherwise. */
    Map<String, Object> await(Map<String, Object> deployment) {
        long id = ((Number) deployment.get("id")).longValue();
        String project = ApiCommand.text(deployment.get("project"));
        String environment = ApiCommand.text(deployment.get("environment"));
        long start = System.nanoTime();
        var current = deployment;
        String lastLine = "";
        int frame = 0;
        while (true) {
            String state = ApiCommand.text(current.get("state"));
            if (!"COMMITTED".equals(state)) {
                clear();
                finished(Evidence.expected(current) ? withEvidence(current) : current, state);
                return current;
            }
            if ("NOT_CONFIGURED".equals(current.get("argoCd"))) {
                clear();
                terminal.err().println("Committed; Argo CD is not connected to Plate, so there is no outcome to wait for.");
                return current;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.compareTo(timeout) > 0) {
                clear();
                throw new CliException(ExitCode.DEPLOYMENT_FAILED, "Deployment #" + id + " has no outcome after "
                        + seconds(elapsed) + " (--timeout); follow it with: plate status " + project);
            }
            String health = health(project, environment);
            if (terminal.interactive()) {
                terminal.err().print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " waiting for deployment #" + id
                        + " of " + project + " in " + environment + " (Argo CD now: " + health + ")  " + seconds(elapsed)
                        + "\u001b[K");
                terminal.err().flush();
            } else if (!health.equals(lastLine)) {
                terminal.err().println("waiting for deployment #" + id + " of " + project + " in " + environment
                        + " (Argo CD now: " + health + ")");
                lastLine = health;
            }
            sleep();
            current = api.getObject("/deployments/" + id);
        }
    }

    /** Throws unless it succeeded; a failure says why, with the evidence Plate gathered after the line. */
    private static void finished(Map<String, Object> deployment, String state) {
        String outcome = ApiCommand.text(deployment.get("outcome"));
        String what = "Deployment #" + deployment.get("id") + " to " + deployment.get("environment");
        switch (state) {
            case "SUCCEEDED":
                return;
            case "SUPERSEDED":
                throw new CliException(ExitCode.DEPLOYMENT_FAILED, what + " was superseded by a newer one before it "
                        + "finished" + (outcome.isBlank() ? "." : ": " + outcome));
            case "TIMED_OUT":
                throw new CliException(ExitCode.DEPLOYMENT_FAILED, what + " timed out in Argo CD"
                        + (outcome.isBlank() ? "." : ": " + outcome), Evidence.lines(deployment));
            default:
                throw new CliException(ExitCode.DEPLOYMENT_FAILED, what + " failed" + (outcome.isBlank() ? "."
                        : ": " + outcome), Evidence.lines(deployment));
        }
    }

    /** The failed deployment with its evidence, which Plate gathers a moment after deciding (usually under 1 s). */
    private Map<String, Object> withEvidence(Map<String, Object> deployment) {
        if (terminal.interactive() && deployment.containsKey("evidence")) {
            terminal.err().print("\r" + FRAMES.charAt(0) + " finding out why deployment #" + deployment.get("id")
                    + " failed\u001b[K");
            terminal.err().flush();
        }
        try {
            return Evidence.awaited(api, deployment);
        } catch (CliException e) {
            return deployment; // the failure is what matters; its evidence is a courtesy
        } finally {
            clear();
        }
    }

    private String health(String project, String environment) {
        try {
            var status = api.getObject("/projects/" + Api.segment(project));
            for (Object env : (java.util.List<?>) status.get("environments")) {
                var map = (Map<?, ?>) env;
                if (environment.equals(map.get("name"))) {
                    return orDash(map.get("sync")) + "/" + orDash(map.get("health"));
                }
            }
        } catch (CliException e) {
            // the deployment itself is what decides; the status line is a courtesy
        }
        return "-";
    }

    private void clear() {
        if (terminal.interactive()) {
            terminal.err().print("\r\u001b[K");
            terminal.err().flush();
        }
    }

    private static String orDash(Object value) {
        return value == null ? "pending" : value.toString();
    }

    static String seconds(Duration elapsed) {
        long s = elapsed.toSeconds();
        return s < 60 ? s + "s" : s / 60 + "m" + String.format("%02d", s % 60) + "s";
    }

    /** One second between two looks at the server, for every waiting command. */
    static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "Interrupted.");
        }
    }
}
