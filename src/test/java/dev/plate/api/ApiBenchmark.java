package dev.plate.api;

import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import dev.plate.tokens.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * {@code GET /api/v1/projects} over HTTP with 10, 100 and 1,000 projects (three environments each), and the wall
 * time of the real CLI, {@code cli/plate status -o json}, as a user runs it: a new process each time, through the
 * launcher (its class-data archive made on the first, untimed, run). A benchmark, not a test: it asserts
 * nothing and is excluded from the normal run. Run it with
 * {@code ./mvnw test -Dtest=ApiBenchmark -Dplate.excludedGroups=none}; results go to stdout and
 * {@code target/benchmarks/api.txt}.
 */
@Tag("benchmark")
@PlateTest
class ApiBenchmark {

    static final int MEASURED = 100;
    static final int WARM_UP = 30;
    static final int CLI_RUNS = 10;

    @LocalServerPort
    int port;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ApiTokens tokens;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final HttpClient http = HttpClient.newHttpClient();
    final StringBuilder report = new StringBuilder();

    @Test
    void project_list_latency_and_cli_wall_time() throws Exception {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String token = tokens.create("benchmark", 1).token();
        String batch = "bench" + UUID.randomUUID().toString().substring(0, 6);
        line("API benchmark: GET /api/v1/projects, %d measured after %d warm-up; CLI `plate status -o json`, "
                + "median of %d runs; JVM %s, %d cores", MEASURED, WARM_UP, CLI_RUNS, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        line("%-9s %10s %10s %10s %10s %12s %14s", "projects", "p50 ms", "p95 ms", "max ms", "body KiB",
                "CLI p50 ms", "CLI min-max ms");
        int created = 0;
        for (int size : new int[] {10, 100, 1000}) {
            while (created < size) {
                String name = batch + "-" + created++;
                deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                        "/healthz", List.of("bench")), "1.0.0"));
            }
            int bytes = 0;
            for (int i = 0; i < WARM_UP; i++) {
                bytes = get(token).length();
            }
            double[] millis = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                get(token);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            double[] cli = cli(token);
            line("%-9d %10.1f %10.1f %10.1f %10d %12.0f %7.0f-%-6.0f", size, millis[MEASURED / 2],
                    millis[(int) (MEASURED * 0.95)], millis[MEASURED - 1], bytes / 1024, cli[CLI_RUNS / 2 - 1] / 2
                    + cli[CLI_RUNS / 2] / 2, cli[0], cli[CLI_RUNS - 1]);
        }
        // Issue 20's rows, with the 1,000 projects now present: a page of 50, and whoami as curl sees it.
        for (int i = 0; i < WARM_UP; i++) {
            get(token, "/api/v1/projects?size=50");
        }
        double[] page = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            get(token, "/api/v1/projects?size=50");
            page[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(page);
        line("GET /api/v1/projects?size=50 with %d projects: p50 %.1f ms, p95 %.1f ms", created, page[MEASURED / 2],
                page[(int) (MEASURED * 0.95)]);
        double[] whoami = curl(token, "/api/v1/whoami", 50);
        line("GET /api/v1/whoami round trip (curl's time_total, 50 runs): median %.1f ms, min %.1f, max %.1f",
                whoami[25] / 2 + whoami[24] / 2, whoami[0], whoami[49]);
        Path out = Path.of("target", "benchmarks", "api.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private String get(String token) throws Exception {
        return get(token, "/api/v1/projects");
    }

    /** curl's own measure of each call (a new process and connection each time, as a script's calls are), sorted. */
    private double[] curl(String token, String path, int runs) throws Exception {
        double[] millis = new double[runs];
        for (int i = -5; i < runs; i++) {
            var process = new ProcessBuilder("curl", "-sf", "-o", "/dev/null", "-w", "%{time_total}", "-H",
                    "Authorization: Bearer " + token, "http://localhost:" + port + path).start();
            String seconds = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("curl " + path + " failed");
            }
            if (i >= 0) {
                millis[i] = Double.parseDouble(seconds) * 1000;
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private String get(String token, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Wall time of whole CLI processes, sorted; the first run (which makes the archive) is not counted. */
    private double[] cli(String token) throws Exception {
        Path cache = Files.createTempDirectory("plate-cli-cache");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= CLI_RUNS; i++) {
            var builder = new ProcessBuilder(Path.of("cli", "plate").toAbsolutePath().toString(), "status", "-o",
                    "json");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("XDG_CACHE_HOME", cache.toString());
            builder.environment().put("PLATE_URL", "http://localhost:" + port);
            builder.environment().put("PLATE_TOKEN", token);
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            double took = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                throw new IllegalStateException("plate status exited " + exit);
            }
            if (i > 0) {
                times.add(took);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
