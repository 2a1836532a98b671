package dev.plate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "A project's deployments, newest first.")
final class HistoryCommand extends ApiCommand {

    @Parameters(paramLabel = "PROJECT")
    String project;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "only this environment")
    String environment;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "at most this many rows in the table "
            + "(default 20)")
    int limit;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        String path = "/projects/" + Api.segment(project) + "/history"
                + (environment == null ? "" : "?environment=" + Api.segment(environment));
        var history = api().getList(path);
        if (!output.table()) {
            output.data(out(), history);
            return ExitCode.OK;
        }
        if (history.isEmpty()) {
            out().println("No deployments yet.");
            return ExitCode.OK;
        }
        var table = new Output.Table("ID", "ENV", "KIND", "STATE", "IMAGE", "BY", "WHEN", "COMMIT", "SUMMARY");
        history.stream().limit(Math.max(1, limit)).forEach(d -> table.row("#" + d.get("id"), d.get("environment"),
                d.get("kind"), d.get("state"), d.get("imageTag"), d.get("requestedBy"), when(d.get("requestedAt")),
                shortCommit(d.get("commit")), d.get("summary")));
        table.print(out());
        return ExitCode.OK;
    }

    private static String when(Object instant) {
        String value = text(instant);
        return value.length() >= 19 ? value.substring(0, 19).replace('T', ' ') : value;
    }
}
