package dev.plate.deployment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.SystemCheck;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.history.DeploymentRecord;
import dev.plate.history.DeploymentState;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.SchemaValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

/** The loop with a cluster connected: commit, Argo CD objects, Argo CD's report, the deployment's outcome. */
@ArgoCdTest
class ArgoCdDeploymentsTest {

    static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    DeploymentService deployments;
    @Autowired
    ApplicationStatuses statuses;
    @Autowired
    List<SystemCheck> checks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    ArgoCdCluster cluster = ArgoCdCluster.shared();
    String name;

    @BeforeEach
    void importProject() {
        signInAs("mia", Role.MAINTAINER);
        name = "argo-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, "https://github.com/acme/" + name + ".git",
                "ghcr.io/acme/" + name, 8080, "/healthz", List.of("payments")), "1.0.0"));
        await().atMost(SOON).until(() -> cluster.application(name + "-prod") != null
                && statuses.of(name, "prod").isPresent());
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void importCreatesTheAppProjectAndAnApplicationPerEnvironmentAsTheCrdsDescribe() {
        for (String env : List.of("dev", "staging", "prod")) {
            var app = cluster.application(name + "-" + env);
            assertThat(app.getMetadata().getLabels()).containsEntry("plate.dev/project", name)
                    .containsEntry("plate.dev/environment", env).containsEntry("app.kubernetes.io/managed-by", "plate");
            assertThat((Object) app.get("spec", "project")).isEqualTo(name);
            assertThat(SchemaValidator.argoCdErrors(json(app), "application-crd.yaml")).isEmpty();
        }
        assertThat(SchemaValidator.argoCdErrors(json(cluster.appProject(name)), "appproject-crd.yaml")).isEmpty();
        var argo = checks.stream().map(SystemCheck::check).filter(c -> c.component().startsWith("Kubernetes"))
                .findFirst().orElseThrow();
        assertThat(argo.state()).isEqualTo(ComponentStatus.State.UP);
    }

    @Test
    void aDeploymentSucceedsWhenArgoCdReportsItsCommitSyncedAndHealthy() {
        var deployment = deployments.deploy(DeployRequest.image(name, "dev", "1.1.0"));
        await().atMost(SOON).until(() -> "normal".equals(annotation(name + "-dev")));

        cluster.progressing(name + "-dev", deployment.toRevision());
        await().during(Duration.ofMillis(800)).atMost(SOON).until(() -> state(deployment) == DeploymentState.COMMITTED);
        cluster.healthy(name + "-dev", deployment.toRevision());

        await().atMost(SOON).until(() -> state(deployment) == DeploymentState.SUCCEEDED);
        assertThat(record(deployment).finishedAt()).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'deployment.succeeded' "
                + "and target = ? and details like ?", Long.class, "project:" + name + "/dev",
                "#" + deployment.id() + " %")).isEqualTo(1);
        assertThat(metrics.find("plate.deployment.duration").tag("result", "succeeded").timer()).isNotNull();
    }

    @Test
    void aLaterCommitOfTheWholeRepositoryCountsAsContainingTheDeployment() {
        var deployment = deployments.deploy(DeployRequest.image(name, "staging", "1.2.0"));
        // Another project's deploy moves the head; Argo CD then reports that later revision for this app too.
        var later = deployments.deploy(DeployRequest.image(name, "dev", "1.2.1"));

        cluster.healthy(name + "-staging", later.toRevision());

        await().atMost(SOON).until(() -> state(deployment) == DeploymentState.SUCCEEDED);
    }

    @Test
    void aProtectedManualEnvironmentIsSyncedByPlateAsTheUserWhoDeployed() {
        var deployment = deployments.deploy(DeployRequest.image(name, "prod", "2.0.0"));

        await().atMost(SOON).until(() -> cluster.application(name + "-prod").get("operation") != null);
        var app = cluster.application(name + "-prod");
        assertThat((Object) app.get("operation", "initiatedBy", "username")).isEqualTo("mia");
        assertThat((Object) app.get("operation", "sync", "revision")).isEqualTo(deployment.toRevision());
        assertThat(SchemaValidator.argoCdErrors(json(app), "application-crd.yaml")).isEmpty();
    }

    @Test
    void aDegradedApplicationFailsTheDeploymentWithArgoCdsMessage() {
        var deployment = deployments.deploy(DeployRequest.image(name, "dev", "1.3.0"));
        cluster.degraded(name + "-dev", deployment.toRevision(), "Deployment exceeded its progress deadline");

        await().atMost(SOON).until(() -> state(deployment) == DeploymentState.FAILED);
        assertThat(record(deployment).outcome()).contains("Deployment exceeded its progress deadline");
    }

    @Test
    void aFailedSyncFailsTheDeployment() {
        var deployment = deployments.deploy(DeployRequest.image(name, "dev", "1.4.0"));
        cluster.syncFailed(name + "-dev", deployment.toRevision(), "one or more objects failed to apply");

        await().atMost(SOON).until(() -> state(deployment) == DeploymentState.FAILED);
        assertThat(record(deployment).outcome()).isEqualTo("Sync failed: one or more objects failed to apply");
    }

    @Test
    void aDeploymentArgoCdNeverReportsOnTimesOut() {
        var deployment = deployments.deploy(DeployRequest.image(name, "dev", "1.5.0"));

        await().atMost(Duration.ofSeconds(25)).until(() -> state(deployment) == DeploymentState.TIMED_OUT);
        assertThat(record(deployment).outcome()).startsWith("Not synced and healthy within 10 s");
    }

    @Test
    void anImportIntoAnEnvironmentThatSyncsOnlyByHandWaitsForAPersonNotForADeadline() {
        var imported = deployments.history(name, "prod").getLast();
        var dev = deployments.history(name, "dev").getLast();

        await().atMost(Duration.ofSeconds(25)).until(() -> state(dev) == DeploymentState.TIMED_OUT);
        assertThat(state(imported)).isEqualTo(DeploymentState.COMMITTED);
    }

    @Test
    void anOlderDeploymentOvertakenByANewerOneIsSuperseded() {
        var first = deployments.deploy(DeployRequest.image(name, "dev", "1.6.0"));
        var second = deployments.deploy(DeployRequest.image(name, "dev", "1.6.1"));

        cluster.healthy(name + "-dev", second.toRevision());

        await().atMost(SOON).until(() -> state(second) == DeploymentState.SUCCEEDED);
        assertThat(state(first)).isEqualTo(DeploymentState.SUPERSEDED);
        assertThat(record(first).outcome()).contains("#" + second.id());
    }

    @Test
    void removingTheProjectDeletesItsApplicationsAndAppProject() {
        deployments.deleteProject(name, name);

        await().atMost(SOON).until(() -> cluster.application(name + "-dev").getMetadata().getDeletionTimestamp() != null);
        List.of("dev", "staging", "prod").forEach(env -> cluster.finishDeletion(name + "-" + env));
        await().atMost(SOON).until(() -> cluster.application(name + "-dev") == null && cluster.appProject(name) == null);
    }

    @Test
    void the_periodic_reconcile_recreates_an_application_deleted_by_hand() {
        cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .withName(name + "-staging").delete();
        cluster.finishDeletion(name + "-staging");
        assertThat(cluster.application(name + "-staging")).isNull();

        await().atMost(SOON).until(() -> cluster.application(name + "-staging") != null);
        assertThat(cluster.application(name + "-staging").getMetadata().getLabels())
                .containsEntry("plate.dev/installation", installation());
    }

    @Autowired
    dev.plate.gitops.ConfigRepository repository;

    private String installation() {
        return repository.installationId();
    }

    private String annotation(String app) {
        var annotations = cluster.application(app).getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("argocd.argoproj.io/refresh");
    }

    /** Read straight from the table: awaitility polls on a thread of its own, without the signed-in user. */
    private DeploymentState state(DeploymentRecord deployment) {
        return DeploymentState.valueOf(jdbc.queryForObject("select state from deployment where id = ?", String.class,
                deployment.id()));
    }

    private DeploymentRecord record(DeploymentRecord deployment) {
        return deployments.history(deployment.project(), deployment.environment()).stream()
                .filter(d -> d.id() == deployment.id()).findFirst().orElseThrow();
    }

    private void signInAs(String username, Role role) {
        dev.plate.support.SignIn.as(securityContext, username, role);
    }

    static tools.jackson.databind.JsonNode json(GenericKubernetesResource resource) {
        return JsonMapper.builder().build().readTree(new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .asJson(resource));
    }
}
