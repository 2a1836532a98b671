package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "logs", description = {"The logs of an environment's pods, merged, as kubectl logs prints them.",
    "Without --pod each line starts with its pod: [shop-7d9f-x2x1k] …"})
final class LogsCommand extends ApiCommand {

    @Mixin
    WorkloadTarget target;

    @Option(names = {"-f", "--follow"}, description = "keep printing new lines as they come (Ctrl-C ends); Plate "
            + "follows the new pods through a rollout")
    boolean follow;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME", description = "this container of each pod")
    String container;

    @Option(names = {"-p", "--previous"}, description = "the previous container's lines: why it crashed")
    boolean previous;

    @Option(names = "--since", paramLabel = "DURATION", description = "only lines of the last DURATION, e.g. 30s, "
            + "10m, 2h, 1d")
    String since;

    @Option(names = "--tail", paramLabel = "N", description = "only the last N lines of each pod (-1: all)")
    Integer tail;

    @Option(names = "--pod", paramLabel = "POD", description = "only this pod, its lines without prefix")
    String pod;

    @Option(names = "--grep", paramLabel = "TEXT", description = "only lines containing TEXT, in any case (!TEXT: "
            + "the lines without it)")
    String grep;

    @Option(names = "--timestamps", description = "start each line with the time it was written")
    boolean timestamps;

    @Override
    FlagNames flagNames() {
        return new FlagNames().leading("pod", "--pod").leading("container", "--container").leading("since", "--since")
                .leading("tail", "--tail").leading("filter", "--grep").leading("previous", "--previous");
    }

    @Override
    public Integer call() {
        var api = api();
        String path = target.path(spec.qualifiedName(), "logs") + query();
        try (var body = api.stream(path, "text/event-stream")) {
            var events = new ServerSentEvents(body);
            for (var event = events.next(); event.isPresent(); event = events.next()) {
                if (!handled(event.get())) {
                    return ExitCode.OK;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new CliException(ExitCode.ERROR, "Plate's log stream went silent for a minute, keep-alives too: run "
                    + "the command again.");
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Plate's log stream broke off (" + ApiFailures.reason(e) + "): run "
                    + "the command again.");
        }
        throw new CliException(ExitCode.ERROR, "Plate's log stream was cut before its end (a proxy's timeout, or Plate "
                + "restarted): run the command again.");
    }

    /** The query parameters, as the API names them; what is not given is left to the server's defaults. */
    private String query() {
        var params = new ArrayList<String>();
        add(params, "pod", pod);
        add(params, "container", container);
        add(params, "follow", follow ? "true" : null);
        add(params, "previous", previous ? "true" : null);
        add(params, "since", since);
        add(params, "tail", tail == null || tail == -1 ? null : tail.toString()); // -1 is kubectl's "all"
        add(params, "filter", grep);
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + Api.segment(value));
        }
    }

    /** Acts on one event; false once there is nothing more to read (the end, or nobody reads stdout any more). */
    private boolean handled(ServerSentEvents.Event event) {
        switch (event.type()) {
            case "message":
                var line = json(event.data());
                String prefix = pod == null || pod.isBlank() ? "[" + text(line.get("pod")) + "] " : "";
                out().println(prefix + (timestamps ? text(line.get("at")) + " " : "") + text(line.get("content")));
                return !out().checkError(); // e.g. | head, which has read enough
            case "skipped":
                terminal().err().println("! " + text(json(event.data()).get("lines")) + " lines skipped: the pods "
                        + "wrote faster than this command read (--pod or --grep narrow it)");
                return true;
            case "end":
                String problem = text(json(event.data()).get("problem"));
                if (!problem.isBlank()) {
                    throw new CliException(ExitCode.ERROR, problem);
                }
                return false;
            default:
                return true; // an event of a newer server: not for this CLI
        }
    }

    private Map<String, Object> json(String data) {
        try {
            return JSON.std.mapFrom(data);
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "Plate's log stream sent something that is not JSON: "
                    + (data.length() > 80 ? data.substring(0, 80) + "…" : data));
        }
    }
}
