package dev.plate.deployment;

import dev.plate.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Deploy latency (validate → render → commit → branch moved on the embedded server → rows and audit) with
 * 10, 100 and 1,000 apps in the config repository, and the throughput of 64 concurrent deploys. A benchmark,
 * not a test: it asserts nothing and is excluded from the normal run. Run it with
 * {@code ./mvnw test -Dtest=DeployBenchmark -Dplate.excludedGroups=none}; results go to stdout and
 * {@code target/benchmarks/deploy.txt}.
 */
@Tag("benchmark")
class DeployBenchmark extends GitOpsTestBase {

    static final int MEASURED = 300;
    static final int WARM_UP = 100;

    final List<String> apps = new ArrayList<>();
    final AtomicInteger version = new AtomicInteger();
    final StringBuilder report = new StringBuilder();

    @Test
    void deploy_latency_and_throughput() throws Exception {
        signInAs("bench", Role.DEVELOPER);
        String batch = uniqueName("b");
        line("Deploy benchmark: %d measured sequential deploys per size after %d warm-up, JVM %s, %d cores",
                MEASURED, WARM_UP, Runtime.version(), Runtime.getRuntime().availableProcessors());
        line("%-6s %10s %10s %10s %10s", "apps", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (int size : new int[] {10, 100, 1000}) {
            while (apps.size() < size) {
                String app = batch + "-" + apps.size();
                deployments.importProject(new ImportRequest(project(app), "0.0.1"));
                apps.add(app);
            }
            sequential(WARM_UP);
            double[] millis = sequential(MEASURED);
            Arrays.sort(millis);
            line("%-6d %10.1f %10.1f %10.1f %10.1f", size, pct(millis, 50), pct(millis, 95), pct(millis, 99),
                    millis[millis.length - 1]);
        }
        for (int round = 1; round <= 3; round++) {
            concurrent(64, round);
        }
        Path out = Path.of("target", "benchmarks", "deploy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private double[] sequential(int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            String app = apps.get(i % apps.size());
            long start = System.nanoTime();
            deployments.deploy(DeployRequest.image(app, "dev", "1." + version.incrementAndGet()));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private void concurrent(int count, int round) throws InterruptedException {
        var authentication = securityContext.getContext().getAuthentication();
        var ready = new CountDownLatch(1);
        var failures = new AtomicInteger();
        long start;
        try (var pool = Executors.newFixedThreadPool(count)) {
            for (int i = 0; i < count; i++) {
                String app = apps.get(i);
                pool.submit(() -> {
                    securityContext.getContext().setAuthentication(authentication);
                    try {
                        ready.await();
                        deployments.deploy(DeployRequest.image(app, "dev", "2." + version.incrementAndGet()));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        securityContext.clearContext();
                    }
                });
            }
            start = System.nanoTime();
            ready.countDown();
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        line("concurrent round %d: %d deploys to different apps in %.2f s = %.1f deploys/s, %d failed", round,
                count, seconds, count / seconds, failures.get());
    }

    private static double pct(double[] sorted, int percentile) {
        return sorted[(int) Math.ceil(percentile / 100.0 * sorted.length) - 1];
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
