package dev.plate.api;

import static dev.plate.api.Api.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.audit.AuditLog;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdServerDouble;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.FakeArgoCdServer;
import dev.plate.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;

/**
 * What runs, over the API, from a double of Argo CD's API server: resources, events and logs (plain and Server-Sent
 * Events, following), who may read them, an audit row per log read, and the evidence kept with a failed deployment.
 */
@ArgoCdTest
class ApiWorkloadsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DeploymentService deployments;
    @Autowired
    AuditLog audit;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final FakeArgoCdServer argoCd = ArgoCdServerDouble.shared();
    final ArgoCdCluster cluster = ArgoCdCluster.shared();
    String project;
    String viewer;
    String developer;
    Api api;

    @BeforeEach
    void importAProjectThatRuns() {
        project = "wl-" + UUID.randomUUID().toString().substring(0, 6);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                "/healthz", List.of()), "1.0.0"));
        securityContext.clearContext();
        argoCd.app(project + "-dev").deployment(project, project + "-dev", "ghcr.io/acme/" + project + ":1.0.0", 2)
                .service(project, project + "-dev");
        api = new Api(port);
        var viewing = Api.newAccount(users, securityContext, "look", Role.VIEWER);
        viewer = api.login(viewing.username(), viewing.password());
        var developing = Api.newAccount(users, securityContext, "dev", Role.DEVELOPER);
        developer = api.login(developing.username(), developing.password());
    }

    @AfterAll
    static void everyRequestToArgoCdWasInItsApi() {
        ArgoCdServerDouble.shared().assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void aViewerSeesTheResourcesAndEventsButNotTheLogs() throws Exception {
        String pod = argoCd.app(project + "-dev").pods(project).getFirst();
        argoCd.app(project + "-dev").event("Pod", pod, "Warning", "Unhealthy", "Readiness probe failed: HTTP 503");

        var resources = api.get(path("resources"), viewer);
        assertThat(resources.statusCode()).as(resources.body()).isEqualTo(200);
        JsonNode tree = JSON.readTree(resources.body());
        assertThat(tree.path("application").asString()).isEqualTo(project + "-dev");
        assertThat(kinds(tree)).contains("Deployment", "ReplicaSet", "Pod", "Service");
        JsonNode first = stream(tree.path("resources")).filter(r -> r.path("name").asString().equals(pod))
                .findFirst().orElseThrow();
        assertThat(first.path("status").asString()).isEqualTo("Running");
        assertThat(first.path("ready").asString()).isEqualTo("1/1");
        assertThat(first.path("parents")).hasSize(1);

        var events = api.get(path("events"), viewer);
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        assertThat(stream(JSON.readTree(events.body()).path("events")))
                .anySatisfy(event -> {
                    assertThat(event.path("type").asString()).isEqualTo("Warning");
                    assertThat(event.path("kind").asString() + " " + event.path("name").asString())
                            .isEqualTo("Pod " + pod);
                    assertThat(event.path("message").asString()).contains("Readiness probe failed");
                });

        var logs = api.send("GET", path("logs"), viewer, null, null);
        assertThat(logs.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(logs.body()).path("detail").asString()).contains("needs the DEVELOPER role");
        var streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path("logs") + "?follow=true")).header("Authorization", "Bearer " + viewer)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as("a refused stream is a problem, not a 406").isEqualTo(403);
        assertThat(streamed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(streamed.body()).path("detail").asString()).contains("needs the DEVELOPER role");
    }

    @Test
    void aDeveloperReadsTheLogsOfAllPodsAndEachReadIsAudited() {
        var pods = argoCd.app(project + "-dev").pods(project);
        argoCd.app(project + "-dev").pod(pods.get(0)).log(project, "started", "ready");
        argoCd.app(project + "-dev").pod(pods.get(1)).log(project, "started too");

        var logs = api.get(path("logs") + "?tail=10", developer);
        assertThat(logs.statusCode()).as(logs.body()).isEqualTo(200);
        assertThat(logs.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/plain"));
        assertThat(logs.body().lines()).contains("[" + pods.get(0) + "] started", "[" + pods.get(0) + "] ready",
                "[" + pods.get(1) + "] started too");
        var one = api.get(path("logs") + "?pod=" + pods.get(1), developer);
        assertThat(one.body().lines()).containsExactly("started too");

        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            var reads = audit.search(new AuditLog.Query(Optional.empty(), Optional.of("logs.read"),
                    Optional.of("project:" + project + "/dev"), Optional.empty(), Optional.empty(), 10));
            assertThat(reads).hasSize(2).allSatisfy(entry -> assertThat(entry.actor()).startsWith("dev"));
            assertThat(reads.getFirst().details()).contains("pod " + pods.get(1));
        } finally {
            securityContext.clearContext();
        }
    }

    /** More followers than Boot's default executor has threads (eight): each gets the line as it is written. */
    @Test
    void followedStreamsDeliverLinesAsTheyAreWrittenAsServerSentEvents() throws Exception {
        String pod = argoCd.app(project + "-dev").pods(project).getFirst();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path("logs") + "?follow=true&pod="
                + pod)).header("Authorization", "Bearer " + developer).header("Accept", "text/event-stream").build();
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var followers = new java.util.ArrayList<LinkedBlockingQueue<String>>();
        try {
            for (int i = 0; i < 12; i++) {
                var lines = new LinkedBlockingQueue<String>();
                var stream = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
                assertThat(stream.statusCode()).isEqualTo(200);
                Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
                followers.add(lines);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> argoCd.openLogStreams() > 0);
            argoCd.emit(project + "-dev", pod, project, "order 42 paid");
            for (var lines : followers) {
                String data = null;
                for (String line = lines.poll(10, TimeUnit.SECONDS); line != null; line = lines.poll(10,
                        TimeUnit.SECONDS)) {
                    if (line.startsWith("data:")) {
                        data = line;
                        break;
                    }
                }
                assertThat(data).isNotNull();
                JsonNode event = JSON.readTree(data.substring("data:".length()).strip());
                assertThat(event.path("pod").asString()).isEqualTo(pod);
                assertThat(event.path("content").asString()).isEqualTo("order 42 paid");
            }
        } finally {
            client.shutdownNow(); // close() would wait for the followed streams, which never end by themselves
        }
    }

    /** PLATE_LOGS_MAINTAINER_ONLY=prod in this context: a developer reads dev's logs, not prod's; a maintainer both. */
    @Test
    void productionLogsAreForMaintainersWhereConfigured() {
        argoCd.app(project + "-prod").deployment(project, project + "-prod", "ghcr.io/acme/" + project + ":1.0.0", 1);
        String pod = argoCd.app(project + "-prod").pods(project).getFirst();
        argoCd.app(project + "-prod").pod(pod).log(project, "serving customers");
        String prodLogs = "/api/v1/projects/" + project + "/environments/prod/logs";

        var refused = api.get(prodLogs, developer);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("logs of prod needs the "
                + "MAINTAINER role");
        assertThat(api.get(path("logs"), developer).statusCode()).as("dev stays a developer's").isEqualTo(200);

        var maintaining = Api.newAccount(users, securityContext, "lead", Role.MAINTAINER);
        var read = api.get(prodLogs, api.login(maintaining.username(), maintaining.password()));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("serving customers");
        assertThat(api.get(prodLogs.replace("/logs", "/resources"), viewer).statusCode())
                .as("resources stay every role's").isEqualTo(200);
    }

    @Test
    void badLogQueriesAreRefusedNamingTheFieldAndUnknownProjectsAreNotFound() {
        var since = api.get(path("logs") + "?since=soon", developer);
        assertThat(since.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(since.body()).path("field").asString()).isEqualTo("since");
        var tail = api.get(path("logs") + "?tail=0", developer);
        assertThat(JSON.readTree(tail.body()).path("field").asString()).isEqualTo("tail");
        var container = api.get(path("logs") + "?container=Not_A_Name", developer);
        assertThat(JSON.readTree(container.body()).path("field").asString()).isEqualTo("container");
        var unknown = api.get("/api/v1/projects/no-such-project/environments/dev/resources", viewer);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedDeploymentKeepsTheEvidenceOfWhy() {
        var app = argoCd.app(project + "-dev");
        String pod = app.pods(project).getFirst();
        app.pod(pod).crashLoopBackOff(4).previousLog(project, "connecting to postgres://db:5432",
                "panic: missing DATABASE_URL");
        app.event("Pod", pod, "Warning", "BackOff", "Back-off restarting failed container " + project + " in pod "
                + pod);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        var deployment = deployments.deploy(DeployRequest.image(project, "dev", "1.1.0"));
        securityContext.clearContext();
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(project + "-dev") != null);
        cluster.degraded(project + "-dev", deployment.toRevision(), "Deployment " + project + " exceeded its progress "
                + "deadline");

        JsonNode evidence = await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(api.get(
                "/api/v1/deployments/" + deployment.id(), viewer).body()), body -> body.path("evidence").isObject())
                .path("evidence");
        assertThat(stream(evidence.path("findings")).map(JsonNode::asString).toList())
                .anySatisfy(finding -> assertThat(finding).startsWith("Pod " + pod + " CrashLoopBackOff (restarted 4 "
                        + "times)"))
                .anySatisfy(finding -> assertThat(finding).contains("Warning BackOff on Pod " + pod));
        assertThat(stream(evidence.path("logLines")).map(JsonNode::asString).toList())
                .contains(pod + " (previous): panic: missing DATABASE_URL");
        assertThat(evidence.path("problem").asString()).isEmpty();
    }

    private String path(String what) {
        return "/api/v1/projects/" + project + "/environments/dev/" + what;
    }

    private static List<String> kinds(JsonNode tree) {
        return stream(tree.path("resources")).map(r -> r.path("kind").asString()).distinct().toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
