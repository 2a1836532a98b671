package dev.plate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Argo CD API server double answers as Argo CD does, and its swagger check can tell a wrong exchange. */
class FakeArgoCdServerTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(PROMPTLY).build();
    private FakeArgoCdServer argocd;

    @BeforeEach
    void start() {
        Contracts.dir(); // skips, saying why, where the contracts are absent
        argocd = FakeArgoCdServer.start();
        argocd.app("shop-dev").deployment("shop", "shop-dev-ns", "ghcr.io/acme/shop:1.0", 2)
                .service("shop", "shop-dev-ns").ingress("shop", "shop-dev-ns", "shop.dev.example.com")
                .hpa("shop", "shop-dev-ns");
    }

    @AfterEach
    void stop() {
        argocd.close();
        client.close();
    }

    @Test
    void the_resource_tree_has_argo_cds_node_shapes() throws Exception {
        var app = argocd.app("shop-dev");
        String crashing = app.pods("shop").getFirst();
        app.pod(crashing).crashLoopBackOff(4);

        JsonNode nodes = json(get("/api/v1/applications/shop-dev/resource-tree")).path("nodes");

        assertThat(nodes.valueStream().map(node -> node.path("kind").asString()))
                .containsExactlyInAnyOrder("Deployment", "ReplicaSet", "Pod", "Pod", "Service", "Ingress",
                        "HorizontalPodAutoscaler");
        JsonNode pod = node(nodes, crashing);
        assertThat(pod.has("group")).as("core kinds have no group").isFalse();
        assertThat(pod.path("parentRefs").get(0).path("kind").asString()).isEqualTo("ReplicaSet");
        assertThat(pod.path("parentRefs").get(0).path("uid").asString())
                .isEqualTo(node(nodes, pod.path("parentRefs").get(0).path("name").asString()).path("uid").asString());
        assertThat(info(pod)).containsSubsequence("Status Reason=CrashLoopBackOff", "Containers=0/1",
                "Restart Count=4");
        assertThat(pod.path("health").path("status").asString()).isEqualTo("Degraded");
        assertThat(pod.path("health").path("message").asString())
                .isEqualTo("back-off 1m20s restarting failed container=shop pod=" + crashing + "_shop-dev-ns("
                        + pod.path("uid").asString() + ")");
        assertThat(pod.path("images").get(0).asString()).isEqualTo("ghcr.io/acme/shop:1.0");
        JsonNode healthy = node(nodes, app.pods("shop").get(1));
        assertThat(info(healthy)).contains("Status Reason=Running", "Containers=1/1")
                .noneMatch(item -> item.startsWith("Restart Count"));
        assertThat(node(nodes, "shop", "Deployment").path("health").path("message").asString())
                .isEqualTo("Waiting for rollout to finish: 1 of 2 updated replicas are available...");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void a_pod_failing_to_pull_its_image_is_pending_and_degraded() throws Exception {
        var app = argocd.app("shop-dev");
        String pod = app.pods("shop").getFirst();
        app.pod(pod).imagePullBackOff();

        JsonNode node = node(json(get("/api/v1/applications/shop-dev/resource-tree")).path("nodes"), pod);

        assertThat(info(node)).contains("Status Reason=ImagePullBackOff", "Containers=0/1");
        assertThat(node.path("health").path("message").asString())
                .isEqualTo("Back-off pulling image \"ghcr.io/acme/shop:1.0\"");
        assertThat(lines(get("/api/v1/applications/shop-dev/logs?podName=" + pod)).getFirst().path("content").asString())
                .isEqualTo("container \"shop\" in pod \"" + pod + "\" is waiting to start: trying and failing to pull image");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void two_hundred_pods_make_one_tree() throws Exception {
        argocd.app("big-prod").deployment("big", "big-prod-ns", "ghcr.io/acme/big:2.0", 200);

        JsonNode nodes = json(get("/api/v1/applications/big-prod/resource-tree")).path("nodes");

        assertThat(nodes.valueStream().filter(node -> node.path("kind").asString().equals("Pod")).map(
                node -> node.path("name").asString())).hasSize(200).doesNotHaveDuplicates();
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void events_of_a_resource_need_its_name_namespace_and_uid() throws Exception {
        var app = argocd.app("shop-dev");
        String pod = app.pods("shop").getFirst();
        app.event(pod, "Warning", "BackOff", "Back-off restarting failed container shop in pod " + pod)
                .event(pod, "Warning", "BackOff", "Back-off restarting failed container shop in pod " + pod)
                .applicationEvent("Normal", "OperationCompleted", "Sync operation to 1a2b3c succeeded");
        String uid = app.pod(pod).uid();

        var events = json(get("/api/v1/applications/shop-dev/events?resourceName=" + pod
                + "&resourceNamespace=shop-dev-ns&resourceUID=" + uid)).path("items");
        var withoutUid = get("/api/v1/applications/shop-dev/events?resourceName=" + pod + "&resourceNamespace=shop-dev-ns");
        var ownEvents = json(get("/api/v1/applications/shop-dev/events")).path("items");

        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("involvedObject").path("uid").asString()).isEqualTo(uid);
        assertThat(events.get(0).path("count").asInt()).isEqualTo(2);
        assertThat(events.get(0).path("source").path("component").asString()).isEqualTo("kubelet");
        assertThat(withoutUid.statusCode()).isEqualTo(400);
        assertThat(json(withoutUid).path("message").asString())
                .isEqualTo(pod + " not found as part of application shop-dev");
        assertThat(ownEvents.get(0).path("involvedObject").path("kind").asString()).isEqualTo("Application");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void no_token_is_401_and_an_application_the_token_may_not_see_is_403() throws Exception {
        var anonymous = client.send(HttpRequest.newBuilder(URI.create(argocd.url()
                + "/api/v1/applications/shop-dev/resource-tree")).build(), HttpResponse.BodyHandlers.ofString());
        var unknown = get("/api/v1/applications/secret-prod/resource-tree");
        var unknownLogs = get("/api/v1/applications/secret-prod/logs");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("code").asInt()).isEqualTo(16);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(json(unknown).path("message").asString()).isEqualTo("permission denied");
        assertThat(unknownLogs.statusCode()).isEqualTo(403);
        assertThat(json(unknownLogs).path("error").path("message").asString())
                .as("a stream's error is wrapped as {error: …}").isEqualTo("permission denied");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void a_log_stream_without_follow_ends_with_a_last_entry() throws Exception {
        var app = argocd.app("shop-dev");
        String first = app.pods("shop").get(0);
        String second = app.pods("shop").get(1);
        app.pod(first).log("shop", "started", "GET /health 200");
        app.pod(second).log("shop", "started");

        var response = get("/api/v1/applications/shop-dev/logs?kind=Deployment&group=apps&resourceName=shop"
                + "&filter=START&tailLines=5");
        var lines = lines(response);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(lines).extracting(line -> line.path("podName").asString() + ": " + line.path("content").asString())
                .containsExactly(first + ": started", second + ": started", ": ");
        assertThat(lines.getLast().path("last").asBoolean()).isTrue();
        assertThat(lines.getFirst().path("timeStampStr").asString()).matches("2026-12-02T16:00:0\\d\\.\\d+Z");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void more_pods_than_argo_cd_renders_is_a_400() throws Exception {
        argocd.app("big-prod").deployment("big", "big-prod-ns", "ghcr.io/acme/big:2.0", 11);

        var response = get("/api/v1/applications/big-prod/logs");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asString()).startsWith("max pods to view logs");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void since_seconds_counts_back_from_the_doubles_clock() throws Exception {
        String pod = argocd.app("shop-dev").pods("shop").getFirst();
        argocd.app("shop-dev").pod(pod).log("shop", "an hour ago");
        argocd.advanceClock(Duration.ofHours(1));
        argocd.app("shop-dev").pod(pod).log("shop", "just now");

        var lines = lines(get("/api/v1/applications/shop-dev/logs?podName=" + pod + "&sinceSeconds=60"));

        assertThat(lines).extracting(line -> line.path("content").asString()).containsExactly("just now", "");
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void a_failing_server_answers_argo_cds_error_shapes_until_reset() throws Exception {
        argocd.failWith(503);
        var tree = get("/api/v1/applications/shop-dev/resource-tree");
        var logs = get("/api/v1/applications/shop-dev/logs?resourceName=shop&kind=Deployment");
        argocd.failWith(0);

        assertThat(tree.statusCode()).isEqualTo(503);
        assertThat(json(tree).path("code").asInt()).as("gRPC Unavailable").isEqualTo(14);
        assertThat(json(logs).path("error").path("http_code").asInt()).isEqualTo(503);
        assertThat(get("/api/v1/applications/shop-dev/resource-tree").statusCode()).isEqualTo(200);
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void previous_gives_the_crashed_containers_lines_or_kubernetes_refusal() throws Exception {
        var app = argocd.app("shop-dev");
        String crashed = app.pods("shop").get(0);
        String healthy = app.pods("shop").get(1);
        app.pod(crashed).previousLog("shop", "panic: no database").crashLoopBackOff(3);

        var previous = lines(get("/api/v1/applications/shop-dev/pods/" + crashed + "/logs?container=shop&previous=true"));
        var current = lines(get("/api/v1/applications/shop-dev/logs?podName=" + crashed));
        var none = lines(get("/api/v1/applications/shop-dev/logs?podName=" + healthy + "&previous=true"));

        assertThat(previous.getFirst().path("content").asString()).isEqualTo("panic: no database");
        assertThat(current.getFirst().path("content").asString()).as("the kubelet shows the last crash")
                .isEqualTo("panic: no database");
        assertThat(none.getFirst().path("content").asString())
                .isEqualTo("previous terminated container \"shop\" in pod \"" + healthy + "\" not found");
        assertThat(none.getFirst().path("podName").asString()).isEmpty();
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void a_pod_with_two_containers_refuses_inside_a_200_stream() throws Exception {
        var app = argocd.app("shop-dev");
        String pod = app.pods("shop").getFirst();
        app.pod(pod).sidecar("sidecar", "envoyproxy/envoy:v1.32.1");

        var response = get("/api/v1/applications/shop-dev/logs?podName=" + pod);
        var lines = lines(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lines.getFirst().path("content").asString())
                .isEqualTo("a container name must be specified for pod " + pod + ", choose one of: [shop sidecar]");
        assertThat(lines.getFirst().path("timeStamp").isNull()).isTrue();
        assertThat(lines.getLast().path("last").asBoolean()).isTrue();
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void a_follower_gets_an_emitted_line_at_once() throws Exception {
        String pod = argocd.app("shop-dev").pods("shop").getFirst();
        argocd.app("shop-dev").pod(pod).log("shop", "started");

        try (var reader = follow("/api/v1/applications/shop-dev/logs?podName=" + pod + "&container=shop&follow=true")) {
            assertThat(readLine(reader)).contains("\"content\":\"started\"");
            argocd.emit("shop-dev", pod, "shop", "GET /orders 200");

            JsonNode emitted = ArgoCdJson.parse(readLine(reader)).path("result");
            assertThat(emitted.path("content").asString()).isEqualTo("GET /orders 200");
            assertThat(emitted.path("last").asBoolean()).isFalse();
            assertThat(argocd.openLogStreams()).isEqualTo(1);
        }
        argocd.assertEveryRequestMatchesArgoCdApi();
    }

    @Test
    void a_follower_that_hangs_up_is_counted_closed() throws Exception {
        String pod = argocd.app("shop-dev").pods("shop").getFirst();
        argocd.app("shop-dev").pod(pod).log("shop", "started");
        var reader = follow("/api/v1/applications/shop-dev/logs?podName=" + pod + "&follow=true");
        readLine(reader);

        reader.close();

        assertThat(argocd.awaitOpenLogStreams(0, PROMPTLY)).isTrue();
        assertThat(argocd.closedLogStreams()).isEqualTo(1);
        argocd.emit("shop-dev", pod, "shop", "nobody reads this");
        assertThat(argocd.requests().getLast().responses()).hasSize(1);
        assertThat(argocd.logRequests()).isEqualTo(1);
    }

    @Test
    void the_checker_reports_an_undeclared_parameter_a_made_up_path_and_a_wrong_shape() throws Exception {
        get("/api/v1/applications/shop-dev/logs?podName=" + argocd.app("shop-dev").pods().getFirst() + "&tail=10");
        get("/api/v1/applications/shop-dev/pods");
        var swagger = new ArgoCdServerSwagger();
        var badNode = ArgoCdJson.parse("{\"nodes\":[{\"kind\":\"Pod\",\"name\":\"x\",\"ready\":true,"
                + "\"createdAt\":\"yesterday\"}]}");
        var badAnswer = new FakeArgoCdServer.Recorded("GET", "/api/v1/applications/shop-dev/resource-tree", null,
                null, null, 200, "application/json", false, List.of(badNode));

        var problems = new ArrayList<String>();
        argocd.requests().forEach(exchange -> problems.addAll(swagger.problems(exchange)));
        problems.addAll(swagger.problems(badAnswer));

        assertThat(problems).anyMatch(p -> p.contains("query parameter 'tail' is not declared"))
                .anyMatch(p -> p.contains("/api/v1/applications/shop-dev/pods is not in Argo CD's API"))
                .anyMatch(p -> p.contains("has field 'ready'"))
                .anyMatch(p -> p.contains("createdAt = \"yesterday\" is not an RFC 3339 date-time"));
        assertThatThrownBy(argocd::assertEveryRequestMatchesArgoCdApi).isInstanceOf(AssertionError.class);
    }

    @Test
    void the_https_double_is_reached_only_by_a_client_trusting_its_certificate() throws Exception {
        try (var https = FakeArgoCdServer.https();
                var trusting = HttpClient.newBuilder().sslContext(trusting(https.caPem())).build()) {
            https.app("shop-dev").deployment("shop", "shop-dev-ns", "ghcr.io/acme/shop:1.0", 1);
            var request = HttpRequest.newBuilder(URI.create(https.url() + "/api/v1/applications/shop-dev/resource-tree"))
                    .header("Authorization", "Bearer " + FakeArgoCdServer.TOKEN).build();

            assertThat(trusting.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            https.assertEveryRequestMatchesArgoCdApi();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(argocd.url() + path))
                .header("Authorization", "Bearer " + FakeArgoCdServer.TOKEN).build();
    }

    /**
     * Opens a follow stream. Like Argo CD's gateway, the double sends the response head with the first line, so
     * the request is sent asynchronously and the stream is known open before its head arrives.
     */
    private BufferedReader follow(String path) throws Exception {
        CompletableFuture<HttpResponse<InputStream>> response = client.sendAsync(request(path),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(argocd.awaitOpenLogStreams(1, PROMPTLY)).isTrue();
        var body = response.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS).body();
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** A blocking read that fails the test instead of hanging it. */
    private static String readLine(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ArgoCdJson.parse(response.body());
    }

    private static List<JsonNode> lines(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().lines().map(line -> ArgoCdJson.parse(line).path("result")).toList();
    }

    private static JsonNode node(JsonNode nodes, String name) {
        return nodes.valueStream().filter(node -> node.path("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode node(JsonNode nodes, String name, String kind) {
        return nodes.valueStream().filter(node -> node.path("name").asString().equals(name)
                && node.path("kind").asString().equals(kind)).findFirst().orElseThrow();
    }

    private static List<String> info(JsonNode node) {
        return node.path("info").valueStream()
                .map(item -> item.path("name").asString() + "=" + item.path("value").asString()).toList();
    }

    private static SSLContext trusting(String pem) throws Exception {
        var certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        var trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
        trustStore.load(null, null);
        trustStore.setCertificateEntry("argocd", certificate);
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
