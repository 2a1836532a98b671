package dev.plate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a deployment failed, as Plate gathered it from the cluster (unhealthy pods, warning events, the last lines of
 * crashing containers). Plate gathers it a moment after it decides FAILED or TIMED_OUT, so the first answer may not
 * have it yet.
 */
final class Evidence {

    private static final long POLL_MS = 500;
    private static final long PATIENCE_MS = 10_000;

    private Evidence() {}

    static boolean expected(Map<String, Object> deployment) {
        Object state = deployment.get("state");
        return "FAILED".equals(state) || "TIMED_OUT".equals(state);
    }

    /**
     * The deployment once its evidence is there, asked for again every half second for at most ten; as it was when
     * the server is older than evidence (no such field: nothing will come).
     */
    static Map<String, Object> awaited(Api api, Map<String, Object> deployment) {
        var current = deployment;
        long deadline = System.nanoTime() + PATIENCE_MS * 1_000_000;
        while (current.containsKey("evidence") && current.get("evidence") == null && System.nanoTime() < deadline) {
            pause();
            current = api.getObject("/deployments/" + current.get("id"));
        }
        return current;
    }

    /** What to print after the failure line: the findings, the last log lines, and why evidence is partial. */
    static List<String> lines(Map<String, Object> deployment) {
        var lines = new ArrayList<String>();
        if (!deployment.containsKey("evidence")) {
            return lines;
        }
        var evidence = evidence(deployment);
        if (evidence.isEmpty()) {
            String where = deployment.get("project") + " -e " + deployment.get("environment");
            lines.add("Plate has not found out why yet: see `plate events " + where + "` and `plate logs " + where
                    + " --previous`.");
            return lines;
        }
        section(lines, "Why it failed:", evidence.get().get("findings"));
        section(lines, "Last log lines:", evidence.get().get("logLines"));
        String problem = ApiCommand.text(evidence.get().get("problem"));
        if (!problem.isBlank()) {
            lines.add(problem);
        }
        return lines;
    }

    /**
     * The most telling finding, for a line under a status table. Not the problem: that says why evidence is
     * missing, not why the deployment failed.
     */
    static Optional<String> first(Map<String, Object> deployment) {
        return evidence(deployment).map(e -> e.get("findings")).filter(f -> f instanceof List<?> list && !list.isEmpty())
                .map(f -> ((List<?>) f).get(0).toString());
    }

    private static Optional<Map<?, ?>> evidence(Map<String, Object> deployment) {
        return deployment.get("evidence") instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
    }

    private static void section(List<String> lines, String title, Object items) {
        if (items instanceof List<?> list && !list.isEmpty()) {
            lines.add(title);
            list.forEach(item -> lines.add("  " + item));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "Interrupted.");
        }
    }
}
