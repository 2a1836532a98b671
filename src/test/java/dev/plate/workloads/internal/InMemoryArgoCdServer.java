package dev.plate.workloads.internal;

import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogQuery;
import dev.plate.argocdserver.LogStream;
import dev.plate.argocdserver.ResourceTree;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argo CD's log side in memory, for the hub's own rules (sharing, backlog, idle close, slow readers): every opened
 * stream is recorded with its query, and a test writes lines into the open ones. The HTTP client and the contract are
 * tested against {@code FakeArgoCdServer}; this is for what happens above them.
 */
class InMemoryArgoCdServer implements ArgoCdServer {

    private static final Object END = new Object();

    final List<Opened> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger open = new AtomicInteger();

    record Opened(String application, LogQuery query, LinkedBlockingQueue<Object> lines) {}

    @Override
    public Optional<String> url() {
        return Optional.of("http://argocd.test");
    }

    @Override
    public ResourceTree tree(String application) {
        return new ResourceTree(application, List.of());
    }

    @Override
    public List<ClusterEvent> events(String application, Optional<ResourceTree.Resource> resource) {
        return List.of();
    }

    @Override
    public LogStream logs(String application, LogQuery query) {
        var lines = new LinkedBlockingQueue<Object>();
        opened.add(new Opened(application, query, lines));
        open.incrementAndGet();
        return new LogStream() {
            private volatile boolean closed;

            @Override
            public Optional<LogLine> next() {
                try {
                    Object next = lines.take();
                    return next == END ? Optional.empty() : Optional.of((LogLine) next);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                    lines.add(END);
                }
            }
        };
    }

    /** Writes a line into every open stream (Argo CD merging the pods' lines). */
    void emit(LogLine line) {
        opened.forEach(stream -> stream.lines().add(line));
    }

    /** Argo CD ends the newest stream by itself, as when the pods it followed are replaced. */
    void endNewest() {
        opened.getLast().lines().add(END);
    }
}
