package dev.plate.workloads.internal;

import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.argocdserver.LogStream;
import dev.plate.base.Subscription;
import dev.plate.base.UnavailableException;
import dev.plate.argocdserver.LogQuery;
import dev.plate.workloads.LogSink;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Followed log streams, shared: everyone following the same pods (container, search) of one application reads one
 * upstream stream from Argo CD, however many they are. A stream keeps its recent lines for readers who join later,
 * and closes upstream once its last reader has been gone for the idle timeout. Reads that do not follow are not
 * shared: each is its own bounded request.
 */
@Component
class LogHub implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LogHub.class);

    private final ArgoCdServer server;
    private final LogProperties properties;
    private final Clock clock;
    private final Map<SharedLogStream.Key, SharedLogStream> streams = new ConcurrentHashMap<>();
    private volatile boolean running;

    LogHub(ArgoCdServer server, LogProperties properties, Clock clock) {
        this.server = server;
        this.properties = properties;
        this.clock = clock;
    }

    Subscription follow(String serverUrl, String application, LogQuery query, LogSink sink) {
        var key = new SharedLogStream.Key(serverUrl, application, query.live());
        while (true) {
            var stream = streams.computeIfAbsent(key, k -> new SharedLogStream(k, server, properties, clock, () -> streams.remove(k)));
            Optional<Subscription> joined = stream.join(sink, query);
            if (joined.isPresent()) {
                return joined.get();
            }
            streams.remove(key, stream); // it ended as this reader came: start a new one
        }
    }

    /** Reads once, on its own thread, to the end of what was asked: not shared, nothing kept. */
    Subscription read(String application, LogQuery query, LogSink sink) {
        var open = new java.util.concurrent.atomic.AtomicReference<LogStream>();
        var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofVirtual().name("logs-read-" + application).start(() -> {
            Optional<String> problem = Optional.empty();
            try (var stream = server.logs(application, query)) {
                open.set(stream);
                if (cancelled.get()) {
                    return;
                }
                for (var line = stream.next(); line.isPresent() && !cancelled.get(); line = stream.next()) {
                    sink.line(line.get());
                }
            } catch (UnavailableException e) {
                problem = Optional.of(e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Reading the logs of {} failed", application, e);
                problem = Optional.of("Reading the logs failed: " + e.getMessage());
            } finally {
                sink.ended(problem);
            }
        });
        return () -> {
            cancelled.set(true);
            Optional.ofNullable(open.get()).ifPresent(LogStream::close);
        };
    }

    /** Followed streams open upstream now: what the sharing saves is counted here (LogHubTest). */
    int openStreams() {
        return (int) streams.values().stream().filter(SharedLogStream::upstreamOpen).count();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream at shutdown, so readers hear it and Argo CD's side is closed. */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(SharedLogStream::shutDown);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
