package dev.plate.argocdserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogQuery;
import dev.plate.argocdserver.ResourceTree;
import dev.plate.base.UnavailableException;
import dev.plate.support.FakeArgoCdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a double of Argo CD's API server whose every exchange is checked against Argo CD's published
 * swagger.json: what Plate reads from the tree, events and log streams, and what it says when Argo CD refuses.
 */
class ArgoCdServerClientTest {

    private static FakeArgoCdServer argoCd;
    private static ServerEndpoint endpoint;
    private final ArgoCdServerClient client = new ArgoCdServerClient();

    @BeforeAll
    static void start() {
        argoCd = FakeArgoCdServer.start();
        endpoint = new ServerEndpoint(argoCd.url(), FakeArgoCdServer.TOKEN, Optional.empty());
        argoCd.app("shop-dev").deployment("shop", "shop-dev", "ghcr.io/acme/shop:1.0", 2).service("shop", "shop-dev")
                .ingress("shop", "shop-dev", "shop.example.com");
    }

    @AfterAll
    static void everyExchangeWasArgoCdsApi() {
        argoCd.assertEveryRequestMatchesArgoCdApi();
        argoCd.close();
    }

    @Test
    void theTreeHasTheOwnersPodsAndTheirState() {
        String crashing = argoCd.app("shop-dev").pods("shop").getFirst();
        argoCd.app("shop-dev").pod(crashing).crashLoopBackOff(3);
        ResourceTree tree = client.tree(endpoint, "shop-dev");

        assertThat(tree.roots()).extracting(ResourceTree.Resource::kind).containsExactly("Deployment", "Ingress",
                "Service");
        var deployment = tree.roots().getFirst();
        var replicaSet = tree.children(deployment).getFirst();
        assertThat(replicaSet.kind()).isEqualTo("ReplicaSet");
        assertThat(tree.children(replicaSet)).hasSize(2).allMatch(ResourceTree.Resource::pod);
        var pod = tree.pods().stream().filter(p -> p.name().equals(crashing)).findFirst().orElseThrow();
        assertThat(pod.statusReason()).isEqualTo("CrashLoopBackOff");
        assertThat(pod.restarts()).isEqualTo(3);
        assertThat(pod.health()).isEqualTo("Degraded");
        assertThat(pod.readiness()).isEqualTo("0/1");
        assertThat(pod.images()).contains("ghcr.io/acme/shop:1.0");
        assertThat(pod.createdAt()).isPresent();
        assertThat(tree.unhealthy()).extracting(ResourceTree.Resource::name).contains(crashing);
        assertThat(deployment.sync()).as("managed: sync from the Application's status").isEqualTo("Synced");
        assertThat(pod.sync()).as("made by the cluster: no sync").isEmpty();
        argoCd.app("shop-dev").outOfSync("Service", "shop");
        assertThat(client.tree(endpoint, "shop-dev").outOfSync()).extracting(ResourceTree.Resource::kind)
                .containsExactly("Service");
        argoCd.app("shop-dev").synced("Service", "shop");
        argoCd.app("shop-dev").pod(crashing).running();
    }

    @Test
    void eventsOfTheApplicationAndOfOneResource() {
        var app = argoCd.app("shop-dev");
        String pod = app.pods("shop").getLast();
        app.applicationEvent("Normal", "OperationCompleted", "Sync operation to 1a2b3c succeeded");
        app.event("Pod", pod, "Warning", "BackOff", "Back-off restarting failed container shop in pod " + pod);
        var tree = client.tree(endpoint, "shop-dev");
        var ofPod = client.events(endpoint, "shop-dev", tree.pods().stream().filter(p -> p.name().equals(pod))
                .findFirst());
        assertThat(ofPod).anySatisfy(event -> {
            assertThat(event.warning()).isTrue();
            assertThat(event.reason()).isEqualTo("BackOff");
            assertThat(event.kind()).isEqualTo("Pod");
            assertThat(event.name()).isEqualTo(pod);
            assertThat(event.message()).contains("Back-off restarting failed container");
        });
        assertThat(client.events(endpoint, "shop-dev", Optional.empty())).extracting(e -> e.reason())
                .contains("OperationCompleted");
    }

    @Test
    void aLogReadEndsAndAFollowGetsLinesAsTheyAreWritten() throws Exception {
        var app = argoCd.app("shop-dev");
        String pod = app.pods("shop").getFirst();
        app.pod(pod).log("shop", "listening on :8080", "GET /healthz 200");
        var lines = new ArrayList<String>();
        try (var stream = client.logs(endpoint, "shop-dev", LogQuery.of(pod, null, false, false, null, 1, null))) {
            for (var line = stream.next(); line.isPresent(); line = stream.next()) {
                lines.add(line.get().content());
            }
        }
        assertThat(lines).containsExactly("GET /healthz 200");

        var follow = client.logs(endpoint, "shop-dev", LogQuery.of(pod, null, true, false, null, 1, null));
        assertThat(follow.next().map(LogLine::content)).hasValue("GET /healthz 200");
        var next = CompletableFuture.supplyAsync(follow::next);
        assertThat(argoCd.awaitOpenLogStreams(1, Duration.ofSeconds(5))).isTrue();
        argoCd.emit("shop-dev", pod, "shop", "order 42 paid");
        assertThat(next.get(5, TimeUnit.SECONDS).map(LogLine::content)).hasValue("order 42 paid");
        assertThat(next.get().map(LogLine::pod)).hasValue(pod);
        follow.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> argoCd.openLogStreams() == 0);
    }

    @Test
    void thePreviousContainersLinesAndKubernetesErrorsAsLines() {
        var app = argoCd.app("shop-dev");
        String pod = app.pods("shop").getLast();
        app.pod(pod).previousLog("shop", "panic: missing DATABASE_URL");
        assertThat(read(LogQuery.of(pod, null, false, true, null, null, null)))
                .containsExactly("panic: missing DATABASE_URL");
        assertThat(read(LogQuery.of(pod, "sidecar", false, false, null, null, null))).singleElement()
                .asString().contains("sidecar");
    }

    @Test
    void refusalsSayWhatToDo() {
        var wrongToken = new ServerEndpoint(argoCd.url(), "not-the-token", Optional.empty());
        assertThatThrownBy(() -> client.tree(wrongToken, "shop-dev")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("refused the token (401)").hasMessageContaining("argocd account generate-token");
        assertThatThrownBy(() -> client.whoAmI(wrongToken)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("does not accept the token");
        assertThatThrownBy(() -> client.tree(endpoint, "someone-elses-app")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("(403 permission denied)").hasMessageContaining("argocd-rbac-cm");
        var nobody = new ServerEndpoint("http://127.0.0.1:1", FakeArgoCdServer.TOKEN, Optional.empty());
        assertThatThrownBy(() -> client.tree(nobody, "shop-dev")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("Cannot reach Argo CD at http://127.0.0.1:1");
        assertThat(client.whoAmI(endpoint)).isEqualTo(FakeArgoCdServer.ACCOUNT);
    }

    @Test
    void tlsIsVerifiedAndACaBundleIsTrustedInstead() {
        try (var secure = FakeArgoCdServer.https()) {
            secure.app("shop-dev").deployment("shop", "shop-dev", "ghcr.io/acme/shop:1.0", 1);
            var untrusted = new ServerEndpoint(secure.url(), FakeArgoCdServer.TOKEN, Optional.empty());
            assertThatThrownBy(() -> client.tree(untrusted, "shop-dev")).isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("certificate Plate does not trust");
            var trusted = new ServerEndpoint(secure.url(), FakeArgoCdServer.TOKEN, Optional.of(secure.caPem()));
            assertThat(client.tree(trusted, "shop-dev").pods()).hasSize(1);
            secure.assertEveryRequestMatchesArgoCdApi();
        }
    }

    private List<String> read(LogQuery query) {
        var lines = new ArrayList<String>();
        try (var stream = client.logs(endpoint, "shop-dev", query)) {
            for (var line = stream.next(); line.isPresent(); line = stream.next()) {
                lines.add(line.get().content());
            }
        }
        return lines;
    }
}
