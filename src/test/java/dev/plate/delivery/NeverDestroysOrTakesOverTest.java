package dev.plate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.admin.SystemHealthService;
import dev.plate.argocd.ApplicationManifests;
import dev.plate.base.ConflictException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.recovery.RepositoryRecovery;
import dev.plate.environment.EnvironmentService;
import dev.plate.gitops.ConfigRepository;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.SignIn;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Plate never destroys or takes over what it did not make: with its reconcile running as in production (every
 * second here), against a cluster of its own that it shares with objects of other owners. An empty database
 * deletes nothing (deletions pause and wait for an admin), another team's AppProject or Application of the same
 * name refuses the import and is never touched, objects of another installation (a fresh data directory) are left
 * alone, and after the cluster comes back empty the repository credential is written before any Application.
 */
@dev.plate.support.IsolatedArgoCdTest
class NeverDestroysOrTakesOverTest {

    static final ArgoCdCluster CLUSTER = dev.plate.support.IsolatedArgoCdTest.CLUSTER;
    static final Duration ROUNDS = Duration.ofSeconds(20);

    @Autowired
    DeploymentService deployments;
    @Autowired
    RepositoryRecovery recovery;
    @Autowired
    ArgoCdReconciliation reconciliation;
    @Autowired
    ProjectService projects;
    @Autowired
    EnvironmentService environments;
    @Autowired
    ConfigRepository repository;
    @Autowired
    SystemHealthService health;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    String suffix = Long.toString(System.nanoTime(), 36).substring(6);

    @BeforeEach
    void signIn() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
    }

    @AfterEach
    void emptyTheDatabase() {
        loseTheDatabase(); // each test starts from no projects; the cluster keeps what it has, as a real one would
        securityContext.clearContext();
    }

    @Test
    void an_empty_database_deletes_nothing_pauses_and_waits_for_recovery_or_an_admins_confirmation() {
        var names = List.of("shop" + suffix, "blog" + suffix, "api" + suffix);
        names.forEach(this::importProject);
        await().atMost(ROUNDS).until(() -> names.stream().allMatch(name -> CLUSTER.application(name + "-prod") != null));
        int before = CLUSTER.applications().size();

        loseTheDatabase();
        var lost = Instant.now();
        await().atMost(ROUNDS).until(() -> reconciledTwiceSince(lost));

        for (String name : names) {
            for (String env : List.of("dev", "staging", "prod")) {
                assertThat(CLUSTER.application(name + "-" + env)).as(name + "-" + env).isNotNull()
                        .satisfies(app -> assertThat(app.getMetadata().getDeletionTimestamp()).isNull());
            }
            assertThat(CLUSTER.appProject(name)).isNotNull();
        }
        assertThat(CLUSTER.applications()).hasSize(before);
        var report = report().orElseThrow();
        assertThat(report.paused()).hasValueSatisfying(reason -> assertThat(reason).contains("wants no Argo CD objects"));
        assertThat(report.orphans()).contains("Application shop" + suffix + "-prod", "AppProject blog" + suffix);
        assertThat(report.deleted()).isZero();
        assertThat(metrics.get("plate.argocd.prune.paused").gauge().value()).isEqualTo(1.0);
        assertThat(metrics.get("plate.argocd.orphans").gauge().value()).isGreaterThanOrEqualTo(12.0);
        assertThat(health.currentStatus()).filteredOn(status -> status.component().equals("Argo CD objects"))
                .singleElement().satisfies(status -> {
                    assertThat(status.state()).isEqualTo(ComponentStatus.State.ATTENTION);
                    assertThat(status.detail()).startsWith("Deletions paused");
                });

        // The admin decides: one project is really gone (its objects go), the others come back from Git.
        assertThat(reconciliation.confirmRemoval(List.of("api" + suffix))).containsExactly("api" + suffix);
        await().atMost(ROUNDS).until(() -> CLUSTER.application("api" + suffix + "-dev") != null
                && CLUSTER.application("api" + suffix + "-dev").getMetadata().getDeletionTimestamp() != null);
        List.of("dev", "staging", "prod").forEach(env -> CLUSTER.finishDeletion("api" + suffix + "-" + env));
        await().atMost(ROUNDS).until(() -> CLUSTER.appProject("api" + suffix) == null);
        recovery.recover();
        var recovered = Instant.now();
        await().atMost(ROUNDS).until(() -> reconciledTwiceSince(recovered));
        assertThat(report().orElseThrow().paused()).isEmpty();
        assertThat(CLUSTER.application("shop" + suffix + "-dev").getMetadata().getDeletionTimestamp()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'argocd.removal.confirmed' "
                + "and target = ?", Long.class, "project:api" + suffix)).isOne();
    }

    @Test
    void another_teams_app_project_or_application_of_the_same_name_refuses_the_import_and_is_never_touched() {
        String billing = "billing" + suffix;
        createForeign("AppProject", billing, Map.of("team", "billing"), Map.of("description", "Billing team's",
                "sourceRepos", List.of("https://git.example/billing.git")));
        String payments = "pay" + suffix;
        createForeign("Application", payments + "-staging", Map.of("team", "payments"), Map.of("project", "default",
                "source", Map.of("repoURL", "https://git.example/payments.git", "path", "deploy"),
                "destination", Map.of("server", "https://kubernetes.default.svc", "namespace", "payments")));
        String head = repository.head();

        assertThatThrownBy(() -> importProject(billing)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("AppProject " + billing).hasMessageContaining("team=billing");
        assertThatThrownBy(() -> importProject(payments)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Application " + payments + "-staging");

        assertThat(repository.head()).as("nothing committed").isEqualTo(head);
        assertThat(projects.find(billing)).isEmpty();
        assertThat(projects.find(payments)).isEmpty();
        var since = Instant.now();
        await().atMost(ROUNDS).until(() -> reconciledTwiceSince(since));
        var project = CLUSTER.appProject(billing);
        assertThat(project.getMetadata().getLabels()).isEqualTo(Map.of("team", "billing"));
        assertThat((Object) project.get("spec", "description")).isEqualTo("Billing team's");
        assertThat(project.getMetadata().getDeletionTimestamp()).isNull();
        var app = CLUSTER.application(payments + "-staging");
        assertThat(app.getMetadata().getLabels()).isEqualTo(Map.of("team", "payments"));
        assertThat((Object) app.get("spec", "source", "repoURL")).isEqualTo("https://git.example/payments.git");
    }

    @Test
    void an_application_of_plates_replaced_by_hand_with_another_teams_is_reported_and_not_taken_back() {
        String shop = "shop" + suffix;
        importProject(shop);
        await().atMost(ROUNDS).until(() -> CLUSTER.application(shop + "-staging") != null);
        // Someone replaces Plate's Application with their own of the same name (no Plate labels, another source).
        var plates = CLUSTER.application(shop + "-staging");
        var theirs = new GenericKubernetesResource();
        theirs.setApiVersion("argoproj.io/v1alpha1");
        theirs.setKind("Application");
        theirs.setMetadata(new ObjectMetaBuilder().withName(shop + "-staging").withNamespace(ArgoCdCluster.NAMESPACE)
                .withResourceVersion(plates.getMetadata().getResourceVersion()).withLabels(Map.of("team", "payments"))
                .build());
        theirs.setAdditionalProperty("spec", Map.of("project", "default",
                "source", Map.of("repoURL", "https://git.example/payments.git", "path", "deploy"),
                "destination", Map.of("server", "https://kubernetes.default.svc", "namespace", "payments")));
        CLUSTER.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .resource(theirs).update();
        var since = Instant.now();

        await().atMost(ROUNDS).until(() -> reconciledTwiceSince(since));

        var app = CLUSTER.application(shop + "-staging");
        assertThat(app.getMetadata().getLabels()).isEqualTo(Map.of("team", "payments"));
        assertThat((Object) app.get("spec", "source", "repoURL")).isEqualTo("https://git.example/payments.git");
        assertThat(app.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(report().orElseThrow().conflicts()).anySatisfy(conflict -> assertThat(conflict)
                .contains("Application " + shop + "-staging").contains("team=payments"));
        assertThat(CLUSTER.application(shop + "-dev").getMetadata().getLabels())
                .as("the project's other Applications are still Plate's").containsEntry("plate.dev/project", shop);
    }

    @Test
    void objects_of_another_installation_even_with_plates_labels_are_left_alone() {
        String old = "old" + suffix;
        var oldLabels = Map.of(ApplicationManifests.MANAGED_BY, "plate", ApplicationManifests.PROJECT_LABEL, old,
                ApplicationManifests.ENVIRONMENT_LABEL, "dev", ApplicationManifests.INSTALLATION_LABEL, "a-previous-plate");
        createForeign("Application", old + "-dev", oldLabels, Map.of("project", old,
                "source", Map.of("repoURL", repository.cloneUrl(), "path", "charts/" + old),
                "destination", Map.of("server", "https://kubernetes.default.svc", "namespace", old + "-dev")));
        var since = Instant.now();

        await().atMost(ROUNDS).until(() -> reconciledTwiceSince(since));
        assertThatThrownBy(() -> importProject(old)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Application " + old + "-dev").hasMessageContaining("a-previous-plate");

        var app = CLUSTER.application(old + "-dev");
        assertThat(app.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(app.getMetadata().getLabels()).isEqualTo(oldLabels);
        assertThat(report().orElseThrow().orphans()).doesNotContain("Application " + old + "-dev");
    }

    @Test
    void after_the_cluster_comes_back_empty_the_repository_credential_is_written_before_any_application() {
        importProject("shop" + suffix);
        await().atMost(ROUNDS).until(() -> CLUSTER.application("shop" + suffix + "-prod") != null);

        CLUSTER.stop();
        CLUSTER.restart(); // an empty API server at the same address
        await().atMost(ROUNDS).until(() -> CLUSTER.application("shop" + suffix + "-prod") != null);

        var secret = CLUSTER.client().secrets().inNamespace(ArgoCdCluster.NAMESPACE).withName("plate-config-repository")
                .get();
        assertThat(secret).isNotNull();
        long written = Long.parseLong(secret.getMetadata().getResourceVersion());
        assertThat(CLUSTER.applications()).isNotEmpty().allSatisfy(app -> assertThat(
                Long.parseLong(app.getMetadata().getResourceVersion())).as(app.getMetadata().getName())
                .isGreaterThan(written));
    }

    /** As an admin (awaitility asks on a thread of its own, without the test's sign-in). */
    private java.util.Optional<ReconcileReport> report() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        return reconciliation.last();
    }

    private void importProject(String name) {
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
    }

    /** What a lost database looks like to Plate: no projects, no history, no recorded intents. */
    private void loseTheDatabase() {
        jdbc.update("delete from deployment");
        jdbc.update("delete from app_config");
        jdbc.update("delete from project");
        jdbc.update("delete from removal_intent");
    }

    private boolean reconciledTwiceSince(Instant since) {
        var last = report();
        // A report started after `since` and one more after that: two whole rounds saw the state.
        return last.isPresent() && last.get().at().isAfter(since.plusSeconds(1).plusMillis(200));
    }

    private void createForeign(String kind, String name, Map<String, String> labels, Map<String, Object> spec) {
        var object = new GenericKubernetesResource();
        object.setApiVersion("argoproj.io/v1alpha1");
        object.setKind(kind);
        object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ArgoCdCluster.NAMESPACE)
                .withLabels(labels).build());
        object.setAdditionalProperty("spec", spec);
        CLUSTER.client().genericKubernetesResources(kind.equals("Application") ? ArgoCdCluster.APPLICATION
                : ArgoCdCluster.APP_PROJECT).inNamespace(ArgoCdCluster.NAMESPACE).resource(object).create();
    }
}
