package dev.plate.argocd.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ApplicationStatuses.Connection.State;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.support.ArgoCdCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The live status store at 10,000 Applications in fabric8's mock API server: time for the informer's initial
 * list, heap held by the store (and the informer's reduced cache) after it, and the time from a status patch
 * by "Argo CD" to the store's update. Each Application carries a realistic status (resource tree, history), so
 * the reduced cache is measured against objects of real size. A benchmark, not a test. Run it with
 * {@code ./mvnw test -Dtest=StatusStoreBenchmark -Dplate.excludedGroups=none}; results go to stdout and
 * {@code target/benchmarks/status-store.txt}.
 */
@Tag("benchmark")
class StatusStoreBenchmark {

    static final int APPS = Integer.getInteger("plate.benchmark.apps", 10_000);
    static final int PATCHES = 500;
    static final int WARM_UP = 20;
    final StringBuilder report = new StringBuilder();

    @Test
    void informer_sync_memory_and_update_latency() throws Exception {
        try (var cluster = new ArgoCdCluster()) {
            line("Status store benchmark: %,d Applications, JVM %s, %d cores, max heap %d MB", APPS, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            long created = System.nanoTime();
            populate(cluster);
            line("created %,d Applications in the mock API server in %.1f s", APPS, seconds(created));

            var connection = FabricArgoCdTest.connectionTo(cluster);
            var statuses = new InformedApplicationStatuses(connection,
                    new Ownership(() -> FabricArgoCdTest.INSTALLATION, () -> FabricArgoCdTest.REPO), Clock.systemUTC(),
                    new ArgoCdThreads());
            var seen = new ConcurrentHashMap<String, Long>();
            statuses.subscribe(status -> seen.put(status.application() + "|" + status.healthMessage(), System.nanoTime()));

            long before = usedHeapAfterGc();
            long started = System.nanoTime();
            statuses.start();
            while (statuses.all().size() < APPS) {
                Thread.sleep(5);
            }
            line("informer initial sync (paged list, every Application in the store): %.2f s", seconds(started));
            while (statuses.connection().state() != State.LIVE) {
                Thread.sleep(5);
            }
            line("watch running and reported live (checked every 2 s): %.2f s after start", seconds(started));

            double[] all = new double[WARM_UP + PATCHES];
            double[] afterAnswer = new double[WARM_UP + PATCHES];
            for (int i = 0; i < all.length; i++) {
                String app = "app-" + ThreadLocalRandom.current().nextInt(APPS) + "-dev";
                String message = "rollout " + i;
                long sent = System.nanoTime();
                cluster.status(app, status("Progressing", message));
                long answered = System.nanoTime();
                while (!seen.containsKey(app + "|" + message)) {
                    Thread.onSpinWait();
                    if (System.nanoTime() - sent > TimeUnit.SECONDS.toNanos(10)) {
                        throw new IllegalStateException("No update for " + app + " within 10 s");
                    }
                }
                all[i] = (seen.get(app + "|" + message) - sent) / 1e6;
                afterAnswer[i] = Math.max(0, seen.get(app + "|" + message) - answered) / 1e6;
            }
            line("first patch (cold: the HTTP connection and code paths warm up): %.1f ms", all[0]);
            double[] millis = Arrays.copyOfRange(all, WARM_UP, all.length);
            int slowest = 0;
            for (int i = 1; i < PATCHES; i++) {
                slowest = millis[i] > millis[slowest] ? i : slowest;
            }
            long over = Arrays.stream(millis).filter(ms -> ms > 1000).count();
            line("measured patches over 1 s: %d (slowest: #%d of %d after %d warm-up)", over, slowest + 1, PATCHES,
                    WARM_UP);
            Arrays.sort(millis);
            line("status patch sent -> store update over %d patches: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                    PATCHES, pct(millis, 50), pct(millis, 95), pct(millis, 99), millis[PATCHES - 1]);
            double[] watch = Arrays.copyOfRange(afterAnswer, WARM_UP, afterAnswer.length);
            Arrays.sort(watch);
            line("API server answered the patch -> store update (the watch and Plate alone): p50 %.1f ms, p95 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms", pct(watch, 50), pct(watch, 95), pct(watch, 99), watch[PATCHES - 1]);
            long after = usedHeapAfterGc();
            line("live heap added by the running status store (records, informer cache, HTTP client): %.1f MB",
                    (after - before) / 1e6);
            line("  (%,d status records; the informer's cache holds keys only, no whole Applications)",
                    statuses.all().size());
            statuses.stop();
            connection.destroy();
        }
        Path out = Path.of("target", "benchmarks", "status-store.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private void populate(ArgoCdCluster cluster) throws InterruptedException {
        var env = new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc", "{project}-{env}", true, false);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        var serialization = cluster.client().getKubernetesSerialization();
        for (int i = 0; i < APPS; i++) {
            String project = "app-" + i;
            pool.execute(() -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> app = new HashMap<>(serialization.convertValue(ApplicationManifests.application(
                        project, env, FabricArgoCdTest.REPO, ArgoCdCluster.NAMESPACE, FabricArgoCdTest.INSTALLATION),
                        Map.class));
                app.put("status", status("Healthy", ""));
                cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                        .resource(serialization.convertValue(app, GenericKubernetesResource.class)).create();
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
    }

    /** What Argo CD writes: sync and health, the last operation, a resource tree and a few history entries. */
    private static Map<String, Object> status(String health, String message) {
        String revision = "4f1c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";
        var resources = new ArrayList<Map<String, Object>>();
        for (String kind : List.of("ServiceAccount", "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler",
                "PodDisruptionBudget")) {
            resources.add(Map.of("kind", kind, "name", "web", "namespace", "app-dev", "version", "v1",
                    "status", "Synced", "health", Map.of("status", "Healthy")));
        }
        var history = new ArrayList<Map<String, Object>>();
        for (int h = 0; h < 5; h++) {
            history.add(Map.of("id", h, "revision", revision, "deployedAt", "2026-11-26T10:0" + h + ":00Z",
                    "source", Map.of("repoURL", "http://plate.example/git/plate-config.git", "path", "charts/app")));
        }
        return Map.of("sync", Map.of("status", "Synced", "revision", revision),
                "health", Map.of("status", health, "message", message),
                "operationState", Map.of("phase", "Succeeded", "message", "successfully synced (all tasks run)",
                        "syncResult", Map.of("revision", revision)),
                "resources", resources, "history", history, "reconciledAt", "2026-11-26T10:05:00Z");
    }

    /**
     * Live heap as the JVM's class histogram counts it (which first runs a full GC): the bytes of reachable
     * objects only. "Used" from the memory bean also counts garbage and region slack and is not usable here.
     */
    private static long usedHeapAfterGc() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String total = histogram.lines().filter(line -> line.startsWith("Total")).findFirst().orElseThrow();
        return Long.parseLong(total.trim().split("\\s+")[2]);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
