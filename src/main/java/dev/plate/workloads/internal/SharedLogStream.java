package dev.plate.workloads.internal;

import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.argocdserver.LogStream;
import dev.plate.base.Subscription;
import dev.plate.base.UnavailableException;
import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogQuery;
import dev.plate.workloads.LogSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed upstream log stream and its readers. The pump thread reads Argo CD's stream and hands each line to
 * every reader's bounded queue; it never waits for a reader. When Argo CD ends the stream by itself (the pods it
 * followed were replaced, e.g. by a deployment) while people still read, it is reopened from the last line seen,
 * so a follow survives rollouts as {@code kubectl logs -f} on a Deployment does not.
 */
final class SharedLogStream {

    record Key(String server, String application, LogQuery live) {}

    private static final Logger LOG = LoggerFactory.getLogger(SharedLogStream.class);
    private static final int MAX_REOPENS = 20;
    static final Duration QUIET = Duration.ofMinutes(5);

    private final Key key;
    private final ArgoCdServer server;
    private final LogProperties properties;
    private final Clock clock;
    private final Runnable onEnded;
    private final ArrayDeque<LogLine> recent = new ArrayDeque<>();
    private final List<LogReader> readers = new ArrayList<>();
    /** The newest line seen per pod: a reopened stream repeats nothing already shown. */
    private final Map<String, Instant> lastSeen = new HashMap<>();
    /** What each pod had shown when the stream was last reopened: the reopened one starts a little before it. */
    private final Map<String, Instant> replayedUntil = new HashMap<>();
    private Thread pump;
    private LogStream upstream;
    private boolean ended;
    private long idleSince;
    private long lastActivity = System.nanoTime();

    SharedLogStream(Key key, ArgoCdServer server, LogProperties properties, Clock clock, Runnable onEnded) {
        this.key = key;
        this.server = server;
        this.properties = properties;
        this.clock = clock;
        this.onEnded = onEnded;
    }

    /** Adds a reader, who first gets the recent lines the query asks for; empty when this stream has ended. */
    synchronized Optional<Subscription> join(LogSink sink, LogQuery query) {
        if (ended) {
            return Optional.empty();
        }
        var reader = new LogReader(sink, Math.max(properties.buffer(), 100) * 2);
        Instant from = query.since().map(since -> clock.instant().minus(since)).orElse(Instant.MIN);
        var backlog = recent.stream().filter(line -> !line.at().isBefore(from)).toList();
        int skip = Math.max(0, backlog.size() - query.tail().orElse(backlog.size()));
        backlog.subList(skip, backlog.size()).forEach(reader::offer);
        readers.add(reader);
        idleSince = 0;
        if (pump == null) {
            pump = Thread.ofVirtual().name("logs-follow-" + key.application()).start(this::pump);
        }
        return Optional.of(() -> leave(reader));
    }

    synchronized boolean upstreamOpen() {
        return upstream != null && !ended;
    }

    private synchronized void leave(LogReader reader) {
        if (readers.remove(reader)) {
            reader.finish(Optional.empty());
        }
        if (readers.isEmpty() && !ended) {
            idleSince = System.nanoTime();
            long mark = idleSince;
            Thread.ofVirtual().start(() -> closeIfStillIdle(mark));
        }
    }

    private void closeIfStillIdle(long mark) {
        try {
            Thread.sleep(properties.idleTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (idleSince != mark || !readers.isEmpty()) {
                return; // someone joined meanwhile
            }
        }
        end(Optional.empty());
    }

    private void pump() {
        Optional<String> problem = Optional.empty();
        int emptyOpenings = 0;
        Thread.ofVirtual().name("logs-quiet-" + key.application()).start(this::reopenWhenQuiet);
        try {
            while (!isEnded()) {
                var stream = server.logs(key.application(), upstreamQuery());
                if (!attach(stream)) {
                    stream.close();
                    return;
                }
                boolean any = false;
                try (stream) {
                    for (var line = stream.next(); line.isPresent(); line = stream.next()) {
                        publish(line.get());
                        any = true;
                    }
                }
                if (!stillRead()) {
                    return;
                }
                emptyOpenings = any ? 0 : emptyOpenings + 1;
                if (emptyOpenings > MAX_REOPENS) {
                    problem = Optional.of("Argo CD ends the log stream at once each time: are the pods gone?");
                    return;
                }
                // Argo CD ended it (the pods were replaced, or it was quiet too long): follow what runs now.
                Thread.sleep(Duration.ofSeconds(Math.min(emptyOpenings + 1, 10)));
            }
        } catch (UnavailableException e) {
            problem = isEnded() ? Optional.empty() : Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Following the logs of {} failed", key.application(), e);
            problem = Optional.of("Following the logs failed: " + e.getMessage());
        } finally {
            end(problem);
        }
    }

    /**
     * Argo CD sends nothing on a quiet JSON stream, so a connection a proxy dropped in silence would look the same as a
     * quiet app for ever: after {@link #QUIET} without a line the stream is closed here and reopened by the pump.
     */
    private void reopenWhenQuiet() {
        try {
            while (!isEnded()) {
                Thread.sleep(QUIET.dividedBy(4));
                LogStream quiet = null;
                synchronized (this) {
                    if (upstream != null && System.nanoTime() - lastActivity > QUIET.toNanos()) {
                        quiet = upstream;
                        lastActivity = System.nanoTime();
                    }
                }
                if (quiet != null) {
                    quiet.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first opening fills the recent lines; a reopening asks only for what came after the last line seen. */
    private synchronized LogQuery upstreamQuery() {
        var live = key.live();
        if (lastSeen.isEmpty()) {
            return new LogQuery(live.pod(), live.container(), true, false, Optional.empty(),
                    OptionalInt.of(properties.buffer()), live.filter());
        }
        replayedUntil.clear();
        replayedUntil.putAll(lastSeen);
        Instant oldest = lastSeen.values().stream().min(Instant::compareTo).orElseThrow();
        Duration since = Duration.between(oldest, clock.instant()).plusSeconds(1);
        return new LogQuery(live.pod(), live.container(), true, false, Optional.of(since), OptionalInt.empty(),
                live.filter());
    }

    private synchronized boolean attach(LogStream stream) {
        upstream = stream;
        lastActivity = System.nanoTime();
        return !ended;
    }

    private synchronized boolean stillRead() {
        return !ended && !readers.isEmpty();
    }

    private synchronized boolean isEnded() {
        return ended;
    }

    private synchronized void publish(LogLine line) {
        Instant shown = replayedUntil.get(line.pod());
        if (shown != null && !line.at().isAfter(shown)) {
            return; // shown before the stream was reopened
        }
        if (!line.pod().isEmpty()) { // Kubernetes' error lines have no pod and no time
            lastSeen.put(line.pod(), line.at());
        }
        lastActivity = System.nanoTime();
        recent.addLast(line);
        while (recent.size() > properties.buffer()) {
            recent.removeFirst();
        }
        for (var reader : readers) {
            reader.offer(line);
        }
    }

    /** Ends the stream for everyone, once: readers hear why, upstream is closed, the hub forgets it. */
    private void end(Optional<String> problem) {
        List<LogReader> told;
        LogStream open;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            told = List.copyOf(readers);
            readers.clear();
            open = upstream;
        }
        told.forEach(reader -> reader.finish(problem));
        if (open != null) {
            open.close();
        }
        onEnded.run();
    }

    void shutDown() {
        end(Optional.of("Plate is shutting down."));
    }
}
