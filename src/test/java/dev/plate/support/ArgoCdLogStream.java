package dev.plate.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer of Argo CD's PodLogs (server/application/application.go): the lines of the selected pods' containers
 * as Kubernetes gives them (tailLines, sinceSeconds, sinceTime, previous), merged by time, filtered, each written
 * and flushed as {"result": applicationLogEntry} and a line break. A container Kubernetes refuses gives one line
 * whose content is Kubernetes' message, inside the 200 stream. Without follow, or when nothing is left to follow,
 * the stream ends with an empty entry whose "last" is true; with follow it stays open for emitted lines.
 */
final class ArgoCdLogStream {

    /** What PodLogs reads from the query, typed as the gateway parses it (a value it cannot parse is a 400). */
    record Query(String podName, String namespace, String container, long sinceSeconds, Instant sinceTime,
            long tailLines, boolean follow, String untilTime, String filter, String kind, String group,
            String resourceName, boolean previous, boolean matchCase) {

        static Query parse(Map<String, String> params, String podNameInPath) {
            String podName = podNameInPath != null ? podNameInPath : params.getOrDefault("podName", "");
            long sinceSeconds = int64(params, "sinceSeconds");
            Instant sinceTime = params.containsKey("sinceTime.seconds") || params.containsKey("sinceTime.nanos")
                    ? Instant.ofEpochSecond(int64(params, "sinceTime.seconds"), int64(params, "sinceTime.nanos"))
                    : null;
            boolean podGiven = !podName.isEmpty();
            return new Query(podName, params.getOrDefault("namespace", ""), params.getOrDefault("container", ""),
                    sinceSeconds, sinceTime, int64(params, "tailLines"), bool(params, "follow"),
                    params.getOrDefault("untilTime", ""), params.getOrDefault("filter", ""),
                    podGiven ? "Pod" : params.getOrDefault("kind", ""), params.getOrDefault("group", ""),
                    podGiven ? podName : params.getOrDefault("resourceName", ""), bool(params, "previous"),
                    bool(params, "matchCase"));
        }

        /** Go's strconv.ParseBool, as the gateway uses it. */
        private static boolean bool(Map<String, String> params, String name) {
            String value = params.get(name);
            if (value == null) {
                return false;
            }
            return switch (value) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                case "0", "f", "F", "FALSE", "false", "False" -> false;
                default -> throw new IllegalArgumentException("strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
            };
        }

        private static long int64(Map<String, String> params, String name) {
            String value = params.get(name);
            try {
                return value == null ? 0 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
            }
        }

        Instant until() {
            return untilTime.isEmpty() ? null : Instant.parse(untilTime);
        }

        /** The filter as PodLogs applies it: a leading '!' inverts, case ignored unless matchCase. */
        boolean shows(String content) {
            if (filter.isEmpty()) {
                return true;
            }
            boolean inverse = filter.startsWith("!");
            String literal = inverse ? filter.substring(1) : filter;
            boolean contains = matchCase ? content.contains(literal)
                    : content.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT));
            return contains != inverse;
        }
    }

    /** A line to send: an error line has no pod and no time (Go's zero time, written as null). */
    record Entry(String content, String podName, Instant time) {}

    private final FakeArgoCdApp app;
    private final Query query;
    private final LoopbackHttpServer.Exchange exchange;
    private final List<JsonNode> written;
    private final ArgoCdClock clock;
    private final Set<String> followed = new HashSet<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean hungUp;

    ArgoCdLogStream(FakeArgoCdApp app, Query query, LoopbackHttpServer.Exchange exchange, List<JsonNode> written,
            ArgoCdClock clock) {
        this.app = app;
        this.query = query;
        this.exchange = exchange;
        this.written = written;
        this.clock = clock;
    }

    /**
     * Collects what Kubernetes has now and, when following, what to follow; the caller holds the double's lock,
     * so an emitted line comes either in this backlog or after it, never twice and never before it. Returns the
     * backlog; {@link #writeBacklog} must follow.
     */
    List<Entry> open(List<FakeArgoCdPod> pods) {
        var entries = new ArrayList<Entry>();
        for (FakeArgoCdPod pod : pods) {
            var source = pod.logs(query.container(), query.previous());
            if (source.error() != null) {
                entries.add(new Entry(source.error(), "", null));
                continue;
            }
            var lines = source.lines().stream().filter(line -> since(line.time())).toList();
            if (query.tailLines() > 0 && lines.size() > query.tailLines()) {
                lines = lines.subList(lines.size() - (int) query.tailLines(), lines.size());
            }
            lines.forEach(line -> entries.add(new Entry(line.content(), pod.name(), line.time())));
            if (query.follow() && source.followable()) {
                followed.add(pod.name() + "/" + source.container());
            }
        }
        entries.sort(Comparator.comparing(Entry::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        writing.lock();
        return List.copyOf(entries);
    }

    /** Writes the backlog; true when the stream stays open to follow. Releases the lock {@link #open} took. */
    boolean writeBacklog(List<Entry> backlog) {
        try {
            for (Entry entry : backlog) {
                if (!send(entry)) {
                    return false;
                }
            }
            if (followed.isEmpty()) {
                Instant now = clock.now();
                write(result("", "", now, ArgoCdJson.timeNano(now), true));
                return false;
            }
            return true;
        } finally {
            writing.unlock();
        }
    }

    boolean following() {
        return !followed.isEmpty();
    }

    /** No more lines: the client is gone or the stream ended itself. */
    void end() {
        ended.countDown();
    }

    boolean follows(FakeArgoCdApp app, String pod, String container) {
        return this.app == app && ended.getCount() > 0 && followed.contains(pod + "/" + container);
    }

    /** An emitted line, written and flushed at once. */
    void deliver(String pod, FakeArgoCdPod.LogLine line) {
        writing.lock();
        try {
            if (ended.getCount() > 0 && !send(new Entry(line.content(), pod, line.time()))) {
                ended.countDown();
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Waits until the client hangs up (true) or the stream ended itself, past untilTime (false). A reader waits
     * for the hang-up meanwhile, so the connection cannot serve another request after this one.
     */
    boolean awaitEnd() throws InterruptedException {
        exchange.closeConnectionAfter();
        Thread.ofVirtual().name("fake-argocd-log-hang-up").start(() -> {
            exchange.awaitHangUp();
            hungUp = true;
            ended.countDown();
        });
        ended.await();
        return hungUp;
    }

    /** Filtered out: true; past untilTime: sent as the last entry, then false (PodLogs stops there). */
    private boolean send(Entry entry) {
        if (!query.shows(entry.content())) {
            return true;
        }
        Instant until = query.until();
        boolean beyond = until != null && entry.time() != null && entry.time().isAfter(until);
        String timeStampStr = entry.time() == null ? "0001-01-01T00:00:00Z" : ArgoCdJson.timeNano(entry.time());
        if (!write(result(entry.content(), entry.podName(), entry.time(), timeStampStr, beyond))) {
            hungUp = true;
            return false;
        }
        return !beyond;
    }

    private boolean write(ObjectNode line) {
        byte[] bytes = (ArgoCdJson.JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        if (!exchange.writeChunk(bytes)) {
            return false;
        }
        written.add(line);
        return true;
    }

    private boolean since(Instant time) {
        Instant from = query.sinceTime() != null ? query.sinceTime()
                : query.sinceSeconds() > 0 ? clock.now().minusSeconds(query.sinceSeconds()) : null;
        return from == null || !time.isBefore(from);
    }

    /** {"result": LogEntry}: the fields in the Go struct's order (content, timeStamp, last, timeStampStr, podName). */
    private static ObjectNode result(String content, String podName, Instant time, String timeStampStr, boolean last) {
        var entry = ArgoCdJson.object().put("content", content);
        if (time == null) {
            entry.putNull("timeStamp");
        } else {
            entry.put("timeStamp", ArgoCdJson.time(time));
        }
        entry.put("last", last).put("timeStampStr", timeStampStr).put("podName", podName);
        var envelope = ArgoCdJson.object();
        envelope.set("result", entry);
        return envelope;
    }
}
