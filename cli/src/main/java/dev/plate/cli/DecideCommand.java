package dev.plate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plate approve ID} and {@code plate reject ID -m WHY}: one decision on a deployment request. */
abstract class DecideCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the request, e.g. 12 or #12 (plate requests lists them)")
    String id;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "a comment the requester reads")
    String message;

    @Option(names = "--show", description = "only show the request and its diff; decide nothing")
    boolean show;

    @Mixin
    Output output;

    abstract String verb();

    @Override
    public Integer call() {
        String number = id.startsWith("#") ? id.substring(1) : id;
        if (!number.matches("[0-9]{1,18}")) {
            throw new CliException(ExitCode.USAGE, "A request is named by its number, e.g. 12, not '" + id + "'.");
        }
        var api = api();
        if (show) {
            var request = api.getObject("/requests/" + number);
            printDiff(request);
            return ExitCode.OK;
        }
        if ("reject".equals(verb()) && (message == null || message.isBlank())) {
            throw new CliException(ExitCode.USAGE, "Say why with -m: the person who asked reads it.");
        }
        var body = new LinkedHashMap<String, Object>();
        if (message != null) {
            body.put("comment", message);
        }
        var request = api.post("/requests/" + number + "/" + verb(), body);
        if (!output.table()) {
            output.data(out(), request);
            return ExitCode.OK;
        }
        String state = text(request.get("state"));
        out().println(switch (state) {
            case "COMMITTED" -> "Approved: request #" + number + " is committed as deployment #"
                    + request.get("deployment") + " (plate status " + request.get("project") + ").";
            case "PENDING" -> "Approved: request #" + number + " has " + request.get("approvals") + " of "
                    + request.get("required") + " approvals.";
            case "STALE" -> "Approved, but " + request.get("reason");
            default -> "Request #" + number + " is " + state.toLowerCase(java.util.Locale.ROOT) + ".";
        });
        // Nothing was deployed: a failure for a script. Exit 7 is kept for "a name already taken".
        return "STALE".equals(state) ? ExitCode.ERROR : ExitCode.OK;
    }

    private void printDiff(Map<String, Object> request) {
        out().println("#" + request.get("id") + " " + text(request.get("kind")).toLowerCase(java.util.Locale.ROOT) + " "
                + request.get("project") + " " + request.get("description") + " by " + request.get("requestedBy")
                + " (" + request.get("state") + ", " + request.get("approvals") + "/" + request.get("required")
                + " approvals)");
        out().println("--- " + request.get("file"));
        var terminal = terminal();
        for (String line : text(request.get("diff")).split("\n", -1)) {
            out().println(line.startsWith("+") ? terminal.green(line) : line.startsWith("-") ? terminal.red(line) : line);
        }
    }

    @Command(name = "approve", description = "Approve a deployment request (plate requests lists them); the approval "
            + "that completes the count commits the change as it was previewed.")
    static final class Approve extends DecideCommand {
        @Override
        String verb() {
            return "approve";
        }
    }

    @Command(name = "reject", description = "Reject a deployment request, saying why with -m.")
    static final class Reject extends DecideCommand {
        @Override
        String verb() {
            return "reject";
        }
    }
}
