package dev.plate.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Gitea's push webhook over real HTTP: signed calls refresh what the push touched, unsigned ones change nothing. */
@ArgoCdTest
class GiteaPushWebhookTest {

    @LocalServerPort
    int port;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ApplicationStatuses statuses;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    ArgoCdCluster cluster = ArgoCdCluster.shared();
    HttpClient http = HttpClient.newHttpClient();
    String name;

    @BeforeEach
    void importProject() {
        var authorities = Role.MAINTAINER.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("mia", null, authorities));
        name = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                "/healthz", List.of()), "1.0.0"));
        securityContext.clearContext();
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.of(name, "staging").isPresent());
    }

    @Test
    void aSignedPushRefreshesExactlyTheApplicationsItTouched() throws Exception {
        String body = push("applications/" + name + "/staging/values.yaml");

        var response = post(body, Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", sign(body, ArgoCdTest.WEBHOOK_SECRET)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"refreshing\":1");
        await().atMost(Duration.ofSeconds(10)).until(() -> "normal".equals(refresh(name + "-staging")));
        assertThat(refresh(name + "-dev")).isNull();
    }

    @Test
    void aChartChangeRefreshesTheProjectInEveryEnvironment() throws Exception {
        String body = push("charts/" + name + "/templates/deployment.yaml");

        var response = post(body, Map.of("X-Gitea-Event", "push", "X-Hub-Signature-256",
                "sha256=" + sign(body, ArgoCdTest.WEBHOOK_SECRET)));

        assertThat(response.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> List.of("dev", "staging", "prod").stream()
                .allMatch(env -> "normal".equals(refresh(name + "-" + env))));
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedWith401AndRefreshesNothing() throws Exception {
        String body = push("applications/" + name + "/dev/values.yaml");

        var wrong = post(body, Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", sign(body, "not-the-secret")));
        var missing = post(body, Map.of("X-Gitea-Event", "push"));
        var garbage = post(body, Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", "zz-not-hex"));

        assertThat(List.of(wrong.statusCode(), missing.statusCode(), garbage.statusCode())).containsOnly(401);
        assertThat(wrong.body()).contains("signature");
        Thread.sleep(500); // give a wrongly accepted call the time to act, so the check below means something
        assertThat(refresh(name + "-dev")).isNull();
    }

    @Test
    void anOversizeBodyIsRefusedWithoutBeingRead() throws Exception {
        String body = "{\"ref\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";

        HttpResponse<String> response;
        try {
            response = post(body, Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", sign(body, ArgoCdTest.WEBHOOK_SECRET)));
        } catch (java.io.IOException closedWhileSending) {
            return; // the server answered 413 and closed the connection before the client had sent everything
        }
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsA400() throws Exception {
        String body = "{not json";

        var response = post(body, Map.of("X-Gitea-Event", "push", "X-Gitea-Signature", sign(body, ArgoCdTest.WEBHOOK_SECRET)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not JSON");
    }

    private String push(String path) {
        return """
                {"ref":"refs/heads/main","before":"0000","after":"1111",
                 "commits":[{"id":"1111","message":"deploy","added":[],"removed":[],"modified":["%s"]}],
                 "repository":{"full_name":"plate/plate-config"}}""".formatted(path);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/gitea"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body, String secret) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String refresh(String app) {
        var annotations = cluster.application(app).getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("argocd.argoproj.io/refresh");
    }
}
