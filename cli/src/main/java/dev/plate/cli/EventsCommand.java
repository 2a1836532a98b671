package dev.plate.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "events", description = "The Kubernetes events of an environment's resources (scheduling, image "
        + "pulls, back-offs), oldest first.")
final class EventsCommand extends ApiCommand {

    private static final long REFRESH_MS = 2_000;

    @Mixin
    WorkloadTarget target;

    @Option(names = {"-w", "--watch"}, description = "after the list, print new events as they come, checked every 2 "
            + "seconds (Ctrl-C ends)")
    boolean watch;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        var api = api();
        String path = target.path(spec.qualifiedName(), "events");
        var data = api.getObject(path);
        if (!watch && !output.table()) {
            output.data(out(), data);
            return ExitCode.OK;
        }
        var table = new Output.Table("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
        Set<String> seen = new HashSet<>();
        var fresh = fresh(data, seen);
        if (fresh.isEmpty() && output.table()) {
            out().println("No events" + (watch ? " yet; waiting for new ones (Ctrl-C ends)." : "."));
        }
        while (true) {
            show(fresh, table);
            if (!watch || !pause()) {
                return ExitCode.OK;
            }
            fresh = fresh(api.getObject(path), seen);
        }
    }

    /** The events not shown yet, oldest first; an event seen again with a higher count is new again. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fresh(Map<String, Object> data, Set<String> seen) {
        var events = new ArrayList<>((List<Map<String, Object>>) data.getOrDefault("events", List.of()));
        java.util.Collections.reverse(events); // the API gives the newest first
        events.removeIf(event -> !seen.add(String.join("\u0000", text(event.get("lastSeen")), text(event.get("type")),
                text(event.get("reason")), text(event.get("kind")), text(event.get("name")),
                text(event.get("message")), text(event.get("count")))));
        return events;
    }

    private void show(List<Map<String, Object>> events, Output.Table table) {
        if (!output.table()) {
            // A watch prints one document per event, as kubectl get -w -o json does.
            for (var event : events) {
                if (output.format == Output.Format.yaml) {
                    out().println("---");
                }
                output.data(out(), event);
            }
            return;
        }
        if (events.isEmpty()) {
            return;
        }
        var now = Instant.now();
        for (var event : events) {
            int count = event.get("count") instanceof Number n ? n.intValue() : 1;
            table.row(Age.since(event.get("lastSeen"), now), event.get("type"), event.get("reason"),
                    text(event.get("kind")).toLowerCase(java.util.Locale.ROOT) + "/" + text(event.get("name")),
                    text(event.get("message")) + (count > 1 ? " (×" + count + ")" : ""));
        }
        table.printNew(out());
        out().flush();
    }

    /** Waits for the next check; false when interrupted, which ends the watch as Ctrl-C does. */
    private static boolean pause() {
        try {
            Thread.sleep(REFRESH_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
