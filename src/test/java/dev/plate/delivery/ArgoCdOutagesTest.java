package dev.plate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.base.ConflictException;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentRecord;
import dev.plate.history.DeploymentState;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.IsolatedArgoCdTest;
import dev.plate.support.SignIn;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Every refresh and sync Plate owes Argo CD is kept until Argo CD has it: a production deploy made while the
 * management cluster is unreachable is synced (as the user who deployed) once it is back, even empty; its timeout
 * counts from then, not from the commit; and a deployment that timed out can be sent again.
 */
@IsolatedArgoCdTest
class ArgoCdOutagesTest {

    static final ArgoCdCluster CLUSTER = IsolatedArgoCdTest.CLUSTER;
    static final Duration SOON = Duration.ofSeconds(20);

    @Autowired
    DeploymentService deployments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    String name;

    @BeforeEach
    void importProject() {
        SignIn.as(securityContext, "mia", Role.MAINTAINER);
        name = "out-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        await().atMost(SOON).until(() -> CLUSTER.application(name + "-prod") != null);
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_prod_deploy_made_while_argo_cd_is_unreachable_is_synced_once_it_is_back_and_its_clock_starts_then() {
        CLUSTER.stop();
        DeploymentRecord deployment;
        try {
            deployment = deployments.deploy(DeployRequest.image(name, "prod", "2.0.0"));

            await().atMost(SOON).until(() -> attempts(deployment) >= 2);
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                    .until(() -> state(deployment) == DeploymentState.COMMITTED);
            assertThat(deliveredAt(deployment)).as("not delivered while Argo CD is away").isNull();
        } finally {
            CLUSTER.restart(); // back, and empty: the reconcile writes the Application again first
        }

        await().atMost(SOON).until(() -> CLUSTER.application(name + "-prod") != null
                && CLUSTER.application(name + "-prod").get("operation") != null);
        var app = CLUSTER.application(name + "-prod");
        assertThat((Object) app.get("operation", "sync", "revision")).isEqualTo(deployment.toRevision());
        assertThat((Object) app.get("operation", "initiatedBy", "username")).isEqualTo("mia");
        await().atMost(SOON).until(() -> deliveredAt(deployment) != null);
        assertThat(state(deployment)).as("its clock starts at delivery").isEqualTo(DeploymentState.COMMITTED);

        CLUSTER.healthy(name + "-prod", deployment.toRevision());
        await().atMost(SOON).until(() -> state(deployment) == DeploymentState.SUCCEEDED);
    }

    @Test
    void a_timed_out_deployment_is_sent_again_and_nothing_else_is() {
        var deployment = deployments.deploy(DeployRequest.image(name, "prod", "3.0.0"));
        await().atMost(SOON).until(() -> CLUSTER.application(name + "-prod").get("operation") != null);
        // Argo CD ran the operation and cleared it, but the rollout never became healthy (an image not pulled yet).
        clearOperation();
        await().atMost(SOON).until(() -> state(deployment) == DeploymentState.TIMED_OUT);

        var retried = deployments.retry(name, "prod");

        assertThat(retried.kind()).isEqualTo(DeploymentKind.RETRY);
        assertThat(retried.imageTag()).isEqualTo("3.0.0");
        assertThat(retried.summary()).startsWith("retry of #" + deployment.id());
        await().atMost(SOON).until(() -> CLUSTER.application(name + "-prod").get("operation") != null);
        assertThat((Object) CLUSTER.application(name + "-prod").get("operation", "sync", "revision"))
                .isEqualTo(deployment.toRevision());
        CLUSTER.healthy(name + "-prod", deployment.toRevision());
        await().atMost(SOON).until(() -> state(retried) == DeploymentState.SUCCEEDED);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'deployment.retry' and "
                + "target = ?", Long.class, "project:" + name + "/prod")).isOne();

        assertThatThrownBy(() -> deployments.retry(name, "prod")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is succeeded: only a failed or timed-out one is retried");
    }

    private void clearOperation() {
        CLUSTER.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .withName(name + "-prod").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"operation\":null}");
    }

    private DeploymentState state(DeploymentRecord deployment) {
        return DeploymentState.valueOf(jdbc.queryForObject("select state from deployment where id = ?", String.class,
                deployment.id()));
    }

    private Timestamp deliveredAt(DeploymentRecord deployment) {
        return jdbc.queryForObject("select delivered_at from deployment where id = ?", Timestamp.class, deployment.id());
    }

    private int attempts(DeploymentRecord deployment) {
        return jdbc.queryForObject("select coalesce(max(attempts), 0) from argocd_action where deployment_id = ?",
                Integer.class, deployment.id());
    }
}
