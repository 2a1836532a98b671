package dev.plate.workloads.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdKaribuTestBase;
import dev.plate.support.ArgoCdServerDouble;
import dev.plate.support.FakeArgoCdServer;
import dev.plate.workloads.Workloads;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17's figures, against the double of Argo CD's API server: 50 people following one app's logs (over the API's
 * Server-Sent Events) cost one upstream stream, the first line reaches them all within a second of being written, and
 * the server's heap grows less than 50 MB; the resource tree of an app with 200 pods is fetched and rendered in less
 * than 300 ms of server time. Run on purpose: {@code ./mvnw test -Dtest=WorkloadsBenchmark -Dplate.excludedGroups=none};
 * writes {@code target/benchmarks/workloads.txt}.
 */
@Tag("benchmark")
class WorkloadsBenchmark extends ArgoCdKaribuTestBase {

    static final int FOLLOWERS = 50;
    static final int PODS = 200;
    static final int RUNS = 20;

    @LocalServerPort
    int port;
    @Autowired
    DeploymentService deployments;
    @Autowired
    Workloads workloads;

    final FakeArgoCdServer argoCd = ArgoCdServerDouble.shared();
    final List<String> report = new ArrayList<>();

    @Test
    void followersShareOneStreamAndABigTreeRendersQuickly() throws Exception {
        String small = project(2);
        String big = project(PODS);
        followers(small);
        tree(big);
        Path file = Path.of("target", "benchmarks", "workloads.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
        report.forEach(System.out::println);
    }

    private void followers(String project) throws Exception {
        String pod = argoCd.app(project + "-dev").pods(project).getFirst();
        argoCd.app(project + "-dev").pod(pod).log(project, "warm-up line");
        login("dana", Role.DEVELOPER);
        String token = token();
        long heapBefore = heapAfterGc();
        var received = new ConcurrentHashMap<Integer, Long>();
        var all = new CountDownLatch(FOLLOWERS);
        var client = HttpClient.newHttpClient();
        var streams = new ArrayList<java.io.InputStream>();
        for (int i = 0; i < FOLLOWERS; i++) {
            int follower = i;
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects/" + project
                    + "/environments/dev/logs?follow=true&tail=1")).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            streams.add(response.body());
            Thread.ofVirtual().start(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body()))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.contains("the measured line")) {
                            received.put(follower, System.nanoTime());
                            all.countDown();
                        }
                    }
                } catch (IOException closed) {
                    // the benchmark hung up
                }
            });
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> argoCd.openLogStreams() >= 1);
        int upstream = argoCd.openLogStreams();
        long heapWith = heapAfterGc();
        long written = System.nanoTime();
        argoCd.emit(project + "-dev", pod, project, "the measured line");
        assertThat(all.await(10, TimeUnit.SECONDS)).as("every follower got the line").isTrue();
        long[] latencies = received.values().stream().mapToLong(at -> (at - written) / 1_000_000).sorted().toArray();
        for (var stream : streams) {
            stream.close();
        }
        report.add(String.format("%d followers of one app's logs (SSE through the API): %d upstream stream(s) at Argo CD",
                FOLLOWERS, upstream));
        report.add(String.format("  first line after it was written upstream: median %d ms, slowest %d ms",
                latencies[latencies.length / 2], latencies[latencies.length - 1]));
        report.add(String.format("  server heap added with %d followers open (after GC): %.1f MB", FOLLOWERS,
                (heapWith - heapBefore) / 1e6));
        assertThat(upstream).isEqualTo(1);
        assertThat(latencies[latencies.length - 1]).isLessThan(1000);
    }

    private void tree(String project) {
        login("vic", Role.VIEWER);
        long[] fetch = new long[RUNS];
        long[] render = new long[RUNS];
        UI.getCurrent().navigate("projects/" + project + "/dev");
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            var tree = workloads.resources(project, "dev");
            long fetched = System.nanoTime();
            var panel = new ResourcesPanel(workloads, securityContext, project, "dev");
            panel.show(tree);
            UI.getCurrent().add(panel);
            UI.getCurrent().getInternals().getStateTree().collectChanges(change -> { });
            long rendered = System.nanoTime();
            UI.getCurrent().remove(panel);
            fetch[i] = (fetched - start) / 1_000;
            render[i] = (rendered - fetched) / 1_000;
            assertThat(tree.pods()).hasSize(PODS);
        }
        Arrays.sort(fetch);
        Arrays.sort(render);
        report.add(String.format("Resource tree of an app with %d pods (%d resources), median of %d:", PODS,
                PODS + 3, RUNS));
        report.add(String.format("  fetch from Argo CD and parse: %.1f ms; render the panel: %.1f ms; together %.1f ms",
                fetch[RUNS / 2] / 1000.0, render[RUNS / 2] / 1000.0, (fetch[RUNS / 2] + render[RUNS / 2]) / 1000.0));
        assertThat((fetch[RUNS / 2] + render[RUNS / 2]) / 1000).isLessThan(300);
    }

    private String project(int pods) {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        login("admin", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                "/healthz", List.of()), "1.0.0"));
        argoCd.maxPodLogsToRender(Math.max(10, pods));
        argoCd.app(name + "-dev").deployment(name, name + "-dev", "ghcr.io/acme/" + name + ":1.0.0", pods)
                .service(name, name + "-dev").ingress(name, name + "-dev", name + ".example.com");
        return name;
    }

    /** A login token for the API, as `plate login` gets one. */
    private String token() throws IOException, InterruptedException {
        var users = context.getBean(dev.plate.security.UserService.class);
        String name = "bench" + UUID.randomUUID().toString().substring(0, 6);
        login("admin", Role.ADMIN);
        users.createUser(new dev.plate.security.NewUser(name, name, Role.DEVELOPER, "a-long-enough-password-1"));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"username\":\"" + name + "\",\"password\":\"a-long-enough-password-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).path("token")
                .asString();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
