package dev.plate.deployment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.chart.AppConfig;
import dev.plate.chart.ProjectChart;
import dev.plate.chart.ValuesReader;
import dev.plate.gitops.RepoLayout;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.PostgresInitializer;
import dev.plate.support.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Plate process, killed with SIGKILL in the middle of a burst of deploys, then started again, on each
 * database Plate supports: every deploy it answered 201 is still there after the restart under the same id (the
 * history API names the same project, image and commit), its commit is in Git and its audit event in the audit
 * log; ids issued after the restart are new; every environment's recorded image is what its values file in Git
 * says; and every project has its Argo CD Applications (in fabric8's mock API server). Its own database and data
 * directory; loopback only. Everything is checked through the API and the repository, as an operator would.
 */
abstract class KilledDuringDeploys {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "killed-test-password-1";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Process plate;

    /** The database settings for the process, as command-line arguments (none: the embedded default). */
    abstract List<String> database(Path data);

    /** Project names of this database's run (each run is its own installation: names must not clash). */
    abstract String prefix();

    @AfterEach
    void stop() {
        if (plate != null) {
            plate.destroyForcibly();
        }
    }

    @Test
    void after_kill_9_and_a_restart_nothing_acknowledged_is_lost_and_git_and_the_database_agree() throws Exception {
        Path data = Path.of(PostgresInitializer.tempDataDir());
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://localhost:" + port;
        plate = start(data, port);
        String firstToken = login(base);
        var projects = List.of(prefix() + "-a", prefix() + "-b");
        for (String project : projects) {
            var imported = post(base, firstToken, "/api/v1/projects", "{\"name\":\"" + project
                    + "\",\"imageRepository\":\"ghcr.io/acme/" + project + "\",\"imageTag\":\"0.0.1\"}");
            assertThat(imported.statusCode()).as(imported.body()).isIn(201, 400);
        }

        // A burst from four clients; the process is killed while they run.
        var accepted = new ConcurrentHashMap<Long, JsonNode>();
        var running = new AtomicBoolean(true);
        try (var clients = Executors.newFixedThreadPool(4)) {
            for (int client = 0; client < 4; client++) {
                int id = client;
                clients.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String project = projects.get((id + i) % projects.size());
                        String tag = "1." + id + "." + i;
                        try {
                            var response = post(base, firstToken, "/api/v1/deploy", "{\"project\":\"" + project
                                    + "\",\"environment\":\"dev\",\"imageTag\":\"" + tag + "\"}");
                            if (response.statusCode() == 201) {
                                var deployment = JSON.readTree(response.body());
                                accepted.put(deployment.path("id").asLong(), deployment);
                            }
                        } catch (IOException e) {
                            return null; // the process is gone: this request was never answered
                        }
                    }
                    return null;
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (accepted.size() < 40 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            plate.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no undo
            assertThat(plate.waitFor(30, TimeUnit.SECONDS)).isTrue();
            running.set(false);
        }
        assertThat(accepted).as("deploys were answered before the kill").hasSizeGreaterThanOrEqualTo(40);

        plate = start(data, port);
        String token = login(base);

        try (var git = Git.open(data.resolve("git").resolve("plate-config.git").toFile())) {
            var head = git.getRepository().resolve("refs/heads/main");
            var inGit = new HashSet<String>();
            for (RevCommit commit : git.log().add(head).call()) {
                inGit.add(commit.getName());
            }
            var audited = get(base, token, "/api/v1/audit?action=deployment.deploy&limit=1000");
            assertThat(audited.statusCode()).isEqualTo(200);
            for (var before : accepted.entrySet()) {
                var after = get(base, token, "/api/v1/deployments/" + before.getKey());
                assertThat(after.statusCode()).as("deployment #" + before.getKey() + " answered 201 is still there")
                        .isEqualTo(200);
                var now = JSON.readTree(after.body());
                for (String field : List.of("project", "environment", "imageTag", "commit", "requestedBy")) {
                    assertThat(now.path(field).asString()).as("#" + before.getKey() + " " + field + ": the same "
                            + "deployment, not another with its id").isEqualTo(before.getValue().path(field).asString());
                }
                assertThat(inGit).as("its commit is in Git").contains(now.path("commit").asString());
                assertThat(audited.body()).as("#" + before.getKey() + " is in the audit log")
                        .contains("image " + now.path("imageTag").asString() + ", commit " + now.path("commit").asString());
            }

            // Ids issued after the restart are new ones.
            var next = post(base, token, "/api/v1/deploy", "{\"project\":\"" + projects.getFirst()
                    + "\",\"environment\":\"dev\",\"imageTag\":\"2.0.0\"}");
            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
            assertThat(JSON.readTree(next.body()).path("id").asLong()).isGreaterThan(accepted.keySet().stream()
                    .mapToLong(Long::longValue).max().orElseThrow());
            var afterNext = git.getRepository().resolve("refs/heads/main");

            // Every recorded project has its Applications, pointing at its values in this repository.
            for (String project : projects) {
                for (String env : List.of("dev", "staging", "prod")) {
                    var application = ArgoCdCluster.shared().application(project + "-" + env);
                    assertThat(application).as(project + "-" + env).isNotNull();
                    assertThat(application.toString()).contains("applications/" + project + "/" + env + "/values.yaml");
                }
            }
            // The image each environment records is the one its values file in Git says.
            for (String project : projects) {
                var recorded = JSON.readTree(get(base, token, "/api/v1/projects/" + project).body());
                String devImage = null;
                for (var env : recorded.path("environments")) {
                    if (env.path("name").asString().equals("dev")) {
                        devImage = env.path("imageTag").asString();
                    }
                }
                assertThat(devImage).as(project + " in dev: the database says what Git says")
                        .isEqualTo(configInGit(git, afterNext, project).imageTag());
            }
        }
    }

    private static AppConfig configInGit(Git git, org.eclipse.jgit.lib.ObjectId head, String project)
            throws IOException {
        try (var walk = TreeWalk.forPath(git.getRepository(), RepoLayout.valuesFile(project, "dev"),
                git.getRepository().parseCommit(head).getTree())) {
            byte[] values = git.getRepository().open(walk.getObjectId(0)).getBytes();
            return ValuesReader.read(new ProjectChart(project, "ghcr.io/acme/" + project, 8080), values);
        }
    }

    private Process start(Path data, int port) throws Exception {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "dev.plate.PlateApplication", "--server.port=" + port));
        command.addAll(database(data));
        command.addAll(List.of("--plate.data-dir=" + data, "--plate.security.admin-password=" + PASSWORD, "--spring.jmx.enabled=false",
                // Argo CD's cluster: the fabric8 mock API server of this JVM, reached over loopback
                "--plate.argocd.kubeconfig=" + ArgoCdCluster.shared().kubeconfig(),
                "--plate.argocd.webhook-secret=killed-test-secret"));
        Path log = Files.createTempFile("plate-killed", ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError("Plate exited at start:\n" + Files.readString(log));
            }
            try {
                var ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("Plate did not become ready in 120 s:\n" + Files.readString(log));
    }

    private String login(String base) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asString();
    }

    private HttpResponse<String> get(String base, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String token, String path, String body) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
