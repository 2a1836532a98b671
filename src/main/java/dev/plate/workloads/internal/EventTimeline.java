package dev.plate.workloads.internal;

import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.base.UnavailableException;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.ResourceTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * One timeline of an Application's events and its resources' (Argo CD serves them one resource at a time). Resources
 * are asked in parallel, a few at once, unhealthy ones and workloads first, at most {@link #MAX_RESOURCES}; the
 * result is kept a few seconds, so many people watching one app cost Argo CD one round.
 */
@Component
class EventTimeline {

    static final int MAX_RESOURCES = 60;
    static final int MAX_EVENTS = 300;
    private static final int PARALLEL = 6;
    private static final Duration FRESH = Duration.ofSeconds(3);

    private final ArgoCdServer server;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Instant at, List<ClusterEvent> events) {}

    EventTimeline(ArgoCdServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    List<ClusterEvent> of(String application) {
        String key = server.url().orElse("") + " " + application;
        var cached = cache.get(key);
        if (cached != null && cached.at().plus(FRESH).isAfter(clock.instant())) {
            return cached.events();
        }
        var events = gather(server.tree(application), application);
        if (cache.size() > 500) {
            cache.clear(); // bounded: a cache, not a store
        }
        cache.put(key, new Cached(clock.instant(), events));
        return events;
    }

    /** Newest first, bounded; one resource that fails to answer does not hide the others' events. */
    List<ClusterEvent> gather(ResourceTree tree, String application) {
        var asked = new ArrayList<Optional<ResourceTree.Resource>>();
        asked.add(Optional.empty()); // the Application's own events: sync started, failed, succeeded
        tree.resources().stream().filter(r -> !r.uid().isEmpty())
                .sorted(Comparator.comparing((ResourceTree.Resource r) -> "Healthy".equals(r.health()) ? 1 : 0)
                        .thenComparing(r -> r.pod() ? 1 : 0))
                .limit(MAX_RESOURCES).forEach(r -> asked.add(Optional.of(r)));
        var all = new ArrayList<ClusterEvent>();
        var gate = new Semaphore(PARALLEL);
        UnavailableException first = null;
        int answered = 0;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<List<ClusterEvent>>>();
            for (var resource : asked) {
                futures.add(executor.submit(() -> {
                    gate.acquire();
                    try {
                        return server.events(application, resource);
                    } finally {
                        gate.release();
                    }
                }));
            }
            for (var future : futures) {
                try {
                    all.addAll(future.get());
                    answered++;
                } catch (ExecutionException e) {
                    if (first == null && e.getCause() instanceof UnavailableException unavailable) {
                        first = unavailable;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (answered == 0 && first != null) {
            throw first;
        }
        return all.stream().distinct().sorted(Comparator.comparing(ClusterEvent::lastSeen).reversed())
                .limit(MAX_EVENTS).toList();
    }
}
