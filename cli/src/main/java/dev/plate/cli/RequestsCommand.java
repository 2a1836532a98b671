package dev.plate.cli;

import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "requests", description = {"List deployment requests: changes to environments that wait for "
        + "approvals (the waiting ones; --all for every one).", "Decide one with plate approve ID or plate reject ID "
        + "-m WHY."})
final class RequestsCommand extends ApiCommand {

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT", description = "only this project's")
    String project;

    @Option(names = "--all", description = "decided ones too, newest first")
    boolean all;

    @Option(names = "--mine", description = "only those waiting for your approval")
    boolean mine;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        if (all && mine) {
            throw new CliException(ExitCode.USAGE, "Choose one of --all and --mine.");
        }
        String query = "/requests?" + (mine ? "waiting=true" : "state=" + (all ? "ALL" : "PENDING"))
                + (project == null ? "" : "&project=" + Api.segment(project));
        var requests = api().getList(query);
        if (!output.table()) {
            output.data(out(), requests);
            return ExitCode.OK;
        }
        if (requests.isEmpty()) {
            out().println(mine ? "Nothing waits for your approval." : all ? "No requests yet." : "No request is "
                    + "waiting for approvals.");
            return ExitCode.OK;
        }
        var now = Instant.now();
        var table = new Output.Table("ID", "CHANGE", "BY", "AGE", "STATE", "APPROVALS", "YOURS");
        for (Map<String, Object> request : requests) {
            table.row("#" + request.get("id"), text(request.get("kind")).toLowerCase(java.util.Locale.ROOT) + " "
                    + request.get("project") + " " + request.get("description"), request.get("requestedBy"),
                    Age.since(request.get("requestedAt"), now), request.get("state"), request.get("approvals") + "/"
                    + request.get("required"), Boolean.TRUE.equals(request.get("mayDecide")) ? "may decide" : "");
        }
        table.print(out());
        return ExitCode.OK;
    }
}
