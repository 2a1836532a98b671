package dev.plate.api.internal;

import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogQuery;
import dev.plate.workloads.LogSink;
import dev.plate.argocdserver.ResourceTree;
import dev.plate.workloads.Workloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * What runs in an environment, from Argo CD's API server: resources, events, and logs streamed as plain text or as
 * Server-Sent Events (what {@code plate logs} reads).
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{name}/environments/{environment}")
@Tag(name = "Workloads", description = "Resources, events and logs of a project in an environment, via Argo CD")
class WorkloadsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Lines waiting for a slow client: beyond it the reader's own bounded queue drops the oldest. */
    private static final int PENDING = 1_000;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Workloads workloads;

    WorkloadsApi(Workloads workloads) {
        this.workloads = workloads;
    }

    record Resource(String kind, String group, String namespace, String name, String uid, List<String> parents,
            String health, String message, String status, String ready, int restarts, List<String> images,
            Optional<Instant> createdAt) {}

    record Resources(String application, List<Resource> resources) {}

    record Event(Instant lastSeen, String type, String reason, String kind, String name, String message, int count) {}

    record Events(List<Event> events) {}

    @GetMapping(path = "/resources", produces = "application/json")
    @Operation(summary = "The Application's resources (Deployment → ReplicaSet → Pods, Services…) with health")
    Resources resources(@PathVariable String name, @PathVariable String environment) {
        ResourceTree tree = workloads.resources(name, environment);
        return new Resources(tree.application(), tree.resources().stream().map(r -> new Resource(r.kind(), r.group(),
                r.namespace(), r.name(), r.uid(), r.parentUids(), r.health(), r.healthMessage(), r.statusReason(),
                r.readiness(), r.restarts(), r.images(), r.createdAt())).toList());
    }

    @GetMapping(path = "/events", produces = "application/json")
    @Operation(summary = "The events of the Application and all its resources, newest first")
    Events events(@PathVariable String name, @PathVariable String environment) {
        List<ClusterEvent> events = workloads.events(name, environment);
        return new Events(events.stream().map(e -> new Event(e.lastSeen(), e.type(), e.reason(), e.kind(), e.name(),
                e.message(), e.count())).toList());
    }

    /**
     * Logs as {@code kubectl logs} gives them. Plain text: one line each, prefixed with the pod when several are
     * merged. {@code Accept: text/event-stream}: one {@code data:} JSON object per line ({@code pod}, {@code at},
     * {@code content}), {@code event: skipped} when the client fell behind, and {@code event: end} last (with the
     * problem, if the stream failed).
     */
    @GetMapping(path = "/logs", produces = {"text/plain", "text/event-stream"})
    @Operation(summary = "Pod logs, streamed (follow, container, previous, since, tail, search)")
    ResponseEntity<StreamingResponseBody> logs(@PathVariable String name, @PathVariable String environment,
            @RequestParam(required = false) String pod, @RequestParam(required = false) String container,
            @RequestParam(defaultValue = "false") boolean follow, @RequestParam(defaultValue = "false") boolean previous,
            @RequestParam(required = false) String since, @RequestParam(required = false) Integer tail,
            @RequestParam(required = false) String filter,
            @RequestHeader(name = "Accept", defaultValue = "text/plain") String accept,
            HttpServletResponse response) {
        var query = LogQuery.of(pod, container, follow, previous, since == null ? null : LogQuery.duration(since), tail,
                filter);
        boolean events = accept.contains("text/event-stream");
        var queue = new LinkedBlockingQueue<Object>(PENDING);
        // Subscribed here, on the request's thread: the access check and the audit row happen before any byte.
        var sink = new QueueSink(queue);
        var subscription = workloads.logs(name, environment, query, sink);
        boolean prefixed = query.pod().isEmpty();
        // Spring 7 gives a StreamingResponseBody a stream whose flush() does nothing (unless the system property
        // spring.http.response.flush.enabled is set): a followed line would wait in Tomcat's buffer until the stream
        // ends. The servlet response itself flushes.
        StreamingResponseBody body = out -> {
            try {
                stream(queue, out, response::flushBuffer, events, prefixed);
            } finally {
                sink.closed = true; // a client gone mid-stream: nothing waits for it any longer
                subscription.close();
                queue.clear();
            }
        };
        return ResponseEntity.ok().contentType(events ? MediaType.TEXT_EVENT_STREAM
                : new MediaType("text", "plain", StandardCharsets.UTF_8)).header("Cache-Control", "no-store")
                .header("X-Accel-Buffering", "no").body(body);
    }

    private static void stream(BlockingQueue<Object> queue, OutputStream out, Flushable flush, boolean events,
            boolean prefixed) throws IOException {
        flush.flush(); // the status and headers at once: the client knows the stream is open before its first line
        try {
            while (true) {
                Object next = queue.poll(KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS);
                if (next == null) {
                    if (events) {
                        write(out, flush, ": keep-alive\n\n"); // also how a gone client is noticed
                    }
                    continue;
                }
                if (next instanceof End end) {
                    write(out, flush, events ? "event: end\ndata: " + JSON.writeValueAsString(end.problem().map(p ->
                            Map.of("problem", p)).orElse(Map.of())) + "\n\n" : end.problem().map(p -> "# " + p + "\n")
                            .orElse(""));
                    return;
                }
                if (next instanceof Skipped skipped) {
                    write(out, flush, events ? "event: skipped\ndata: {\"lines\":" + skipped.lines() + "}\n\n"
                            : "# " + skipped.lines() + " lines skipped: this client fell behind\n");
                    continue;
                }
                var line = (LogLine) next;
                write(out, flush, events ? "data: " + JSON.writeValueAsString(Map.of("pod", line.pod(), "at",
                        line.at().toString(), "content", line.content())) + "\n\n"
                        : (prefixed ? "[" + line.pod() + "] " : "") + line.content() + "\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, Flushable flush, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        flush.flush();
    }

    private record End(Optional<String> problem) {}

    private record Skipped(long lines) {}

    /** Hands lines to the response's thread; waits while the client is slow, never once it is gone. */
    private static final class QueueSink implements LogSink {

        private final BlockingQueue<Object> queue;
        private volatile boolean closed;

        QueueSink(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public void line(LogLine line) {
            put(line);
        }

        @Override
        public void skipped(long lines) {
            put(new Skipped(lines));
        }

        @Override
        public void ended(Optional<String> problem) {
            put(new End(problem));
        }

        private void put(Object item) {
            try {
                while (!closed && !queue.offer(item, 1, TimeUnit.SECONDS)) {
                    // the client reads slowly: wait (a followed stream's reader drops its oldest lines meanwhile)
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
