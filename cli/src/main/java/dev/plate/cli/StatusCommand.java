package dev.plate.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Each environment's image, last deployment and live sync/health, for one "
        + "project or all.")
final class StatusCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "PROJECT")
    String project;

    @Option(names = {"-w", "--watch"}, description = "keep showing it, refreshed every 2 seconds (Ctrl-C ends)")
    boolean watch;

    @Mixin
    Output output;

    private final Map<Object, Optional<String>> reasons = new HashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        var api = api();
        String previous = null;
        while (true) {
            Object data = project == null ? api.getAll("/projects") : api.getObject("/projects/" + Api.segment(project));
            String shown = render(api, data);
            if (!shown.equals(previous)) {
                if (watch && terminal().interactive()) {
                    out().print("\u001b[H\u001b[2J");
                }
                out().print(shown);
                out().flush();
                previous = shown;
            }
            if (!watch) {
                return ExitCode.OK;
            }
            Thread.sleep(2000);
        }
    }

    @SuppressWarnings("unchecked")
    private String render(Api api, Object data) {
        var buffer = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
        if (!output.table()) {
            output.data(print, data);
        } else if (data instanceof Map) {
            var table = new Output.Table("ENVIRONMENT", "IMAGE", "DEPLOYMENT", "SYNC", "HEALTH", "MESSAGE");
            for (var env : environments((Map<String, Object>) data)) {
                table.row(env.get("name"), env.get("imageTag"), deployment(env), env.get("sync"), env.get("health"),
                        env.get("message"));
            }
            table.print(print);
            for (var env : environments((Map<String, Object>) data)) {
                why(api, env).ifPresent(print::println);
            }
        } else {
            var projects = (List<Map<String, Object>>) data;
            if (projects.isEmpty()) {
                print.println("No projects yet. Import one: plate import [DIR]");
            } else {
                var names = new ArrayList<String>();
                names.add("PROJECT");
                environments(projects.get(0)).forEach(env -> names.add(text(env.get("name")).toUpperCase()));
                var table = new Output.Table(names.toArray(String[]::new));
                for (var p : projects) {
                    var cells = new ArrayList<Object>();
                    cells.add(p.get("name"));
                    environments(p).forEach(env -> cells.add(env.get("imageTag") == null ? null
                            : env.get("imageTag") + " " + text(env.get("sync") == null ? "" : env.get("sync") + "/"
                                    + env.get("health")).strip()));
                    table.row(cells.toArray());
                }
                table.print(print);
            }
        }
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * For an environment whose last deployment failed or timed out, the first thing Plate found wrong. Evidence
     * does not change once gathered, so a watch asks for each deployment's until it has it, not every time.
     */
    private Optional<String> why(Api api, Map<String, Object> env) {
        Object id = env.get("lastDeployment");
        if (id == null || !Evidence.expected(env)) {
            return Optional.empty();
        }
        var first = reasons.containsKey(id) ? reasons.get(id) : firstFinding(api, id);
        return first.map(finding -> "Why #" + id + " " + ("TIMED_OUT".equals(env.get("state")) ? "timed out" : "failed")
                + " in " + env.get("name") + ": " + finding);
    }

    private Optional<String> firstFinding(Api api, Object id) {
        try {
            var deployment = api.getObject("/deployments/" + id);
            if (deployment.get("evidence") != null || !deployment.containsKey("evidence")) {
                reasons.put(id, Evidence.first(deployment)); // gathered, or never will be (an older server)
            }
            return Evidence.first(deployment);
        } catch (CliException e) {
            return Optional.empty(); // the status is what was asked for; why is a courtesy
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> environments(Map<String, Object> project) {
        return (List<Map<String, Object>>) project.get("environments");
    }

    private static String deployment(Map<String, Object> env) {
        return env.get("lastDeployment") == null ? null : "#" + env.get("lastDeployment") + " " + text(env.get("state"));
    }
}
