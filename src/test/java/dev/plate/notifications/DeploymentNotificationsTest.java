package dev.plate.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.RollbackRequest;
import dev.plate.notifications.NotificationChannels.Kind;
import dev.plate.notifications.NotificationChannels.NewChannel;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.SignIn;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployments' outcomes, as Argo CD decides them, reach a channel: a deployment that succeeds, a rollback (told as
 * both a deployment and a rollback), and an Application edited by hand that the reconcile puts back. The fake
 * cluster stands in for Argo CD's controller.
 */
@ArgoCdTest
class DeploymentNotificationsTest {

    @Autowired
    NotificationChannels channels;
    @Autowired
    DeploymentService deployments;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void a_deployment_that_succeeds_and_a_rollback_are_told() {
        String project = "told-" + Long.toString(System.nanoTime(), 36);
        try (var receiver = new Receiver(0)) {
            var deployed = asAdmin(() -> {
                channels.create(new NewChannel("out-" + project, Kind.WEBHOOK, receiver.url("/out"), Optional.empty(),
                        Set.of("deployment.succeeded", "rollback", "drift.repaired"), Optional.of(project), Optional.empty(),
                        Optional.empty()));
                deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project,
                        8080, "/", List.of()), "1.0.0"));
                return deployments.deploy(DeployRequest.image(project, "dev", "1.1.0"));
            });
            // Argo CD reports once Plate has applied the Application.
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.application(project + "-dev") != null);
            cluster.progressing(project + "-dev", deployed.toRevision());
            cluster.healthy(project + "-dev", deployed.toRevision());

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/out").stream()
                    .anyMatch(request -> request.body().contains("\"deployment\":" + deployed.id())));
            var told = JsonMapper.builder().build().readTree(receiver.at("/out").stream().filter(request -> request
                    .body().contains("\"deployment\":" + deployed.id())).findFirst().orElseThrow().body());
            assertThat(told.path("event").asString()).isEqualTo("deployment.succeeded");
            assertThat(told.path("summary").asString()).isEqualTo(project + ": deploy #" + deployed.id()
                    + " to dev succeeded (image 1.1.0)");
            assertThat(told.path("details").path("commit").asString()).isEqualTo(deployed.toRevision());

            var rolledBack = asAdmin(() -> deployments.rollback(new RollbackRequest(project, "dev", Optional.empty())));
            cluster.progressing(project + "-dev", rolledBack.toRevision());
            cluster.healthy(project + "-dev", rolledBack.toRevision());

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/out").stream()
                    .filter(request -> request.body().contains("\"deployment\":" + rolledBack.id())).count() == 2);
            assertThat(receiver.at("/out").stream().filter(request -> request.body().contains("\"deployment\":"
                    + rolledBack.id())).map(request -> request.header("X-Plate-Event")).toList())
                    .containsExactlyInAnyOrder("deployment.succeeded", "rollback");

            // Someone edits the Application by hand: the reconcile (every 2 s here) puts it back, and says so.
            cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                    .withName(project + "-dev").patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                            "{\"spec\":{\"source\":{\"targetRevision\":\"hotfix\"}}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/out").stream()
                    .anyMatch(request -> "drift.repaired".equals(request.header("X-Plate-Event"))));
            assertThat(receiver.at("/out").stream().filter(request -> "drift.repaired".equals(request
                    .header("X-Plate-Event"))).findFirst().orElseThrow().body()).contains("Application " + project
                    + "-dev differed").contains("\"environment\":\"dev\"");
            assertThat((Object) cluster.application(project + "-dev").get("spec", "source", "targetRevision"))
                    .isNotEqualTo("hotfix");
            asAdmin(() -> {
                deployments.deleteProject(project, project);
                channels.delete("out-" + project);
                return null;
            });
        }
    }

    private <T> T asAdmin(Supplier<T> action) {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }
}
