package dev.plate.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.ArgoCdObject;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.cluster.ClusterAdministration;
import dev.plate.cluster.ClusterConnection;
import dev.plate.cluster.ClusterConnection.Mode;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.PlateTest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** An admin connects the running (so far unconnected) Plate to a cluster, and the kubeconfig stays secret. */
@PlateTest
class ClusterSettingsTest {

    @Autowired
    ClusterAdministration administration;
    @Autowired
    ApplicationStatuses statuses;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.plate.settings.Settings settings;
    @Autowired
    ClusterSettings clusterSettings;
    @Autowired
    dev.plate.gitops.ConfigRepository repository;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    ArgoCdCluster cluster;

    @BeforeEach
    void start() {
        cluster = new ArgoCdCluster();
        signInAs("root", Role.ADMIN);
    }

    @AfterEach
    void disconnect() {
        signInAs("root", Role.ADMIN);
        administration.save(new ClusterConnection(Mode.NONE, Optional.empty(), "argocd"));
        jdbc.update("delete from setting");
        securityContext.clearContext();
        cluster.close();
    }

    @Test
    void savingAKubeconfigConnectsAtOnceAndStoresItEncrypted() {
        // An Application of this Plate's (its installation), made before the cluster is connected.
        applyProject("shop", new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc", "{project}-{env}",
                true, false));

        var result = administration.save(new ClusterConnection(Mode.KUBECONFIG, Optional.of(cluster.kubeconfig()),
                "argocd"));

        assertThat(result.state()).isEqualTo(State.UP);
        assertThat(administration.current()).isEqualTo(new ClusterConnection.Current(Mode.KUBECONFIG, true, "argocd",
                "saved"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.of("shop", "dev").isPresent());
        String stored = jdbc.queryForObject("select setting_value from setting where name = 'argocd.kubeconfig'",
                String.class);
        assertThat(stored).startsWith("v1:").doesNotContain("test-token").doesNotContain("clusters");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'integration.argocd.saved' "
                + "and details like '%new kubeconfig%' and details not like '%test-token%'", Long.class)).isPositive();

        // Saved again without pasting the kubeconfig: the stored one is kept.
        administration.save(new ClusterConnection(Mode.KUBECONFIG, Optional.empty(), "argocd"));
        assertThat(administration.current().kubeconfigSaved()).isTrue();
        assertThat(administration.test(new ClusterConnection(Mode.KUBECONFIG, Optional.empty(), "argocd")).state())
                .isEqualTo(State.UP);
    }

    @Test
    void aConnectionSavedByAnotherInstanceIsFollowed() {
        // What another instance's save leaves in the shared database.
        settings.put(java.util.Map.of(ClusterSettings.MODE, Optional.of("KUBECONFIG"), ClusterSettings.NAMESPACE,
                Optional.of("argocd"), ClusterSettings.KUBECONFIG, Optional.of(cluster.kubeconfig())),
                java.util.Set.of(ClusterSettings.KUBECONFIG), "root");
        assertThat(administration.current().mode()).isEqualTo(Mode.NONE);

        clusterSettings.followOtherInstances();

        assertThat(administration.current()).isEqualTo(new ClusterConnection.Current(Mode.KUBECONFIG, true, "argocd",
                "saved"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.connection().state()
                == ApplicationStatuses.Connection.State.LIVE);
    }

    @Test
    void testingSaysWhatFailedAndChangesNothing() {
        cluster.stop();
        // Other tests sharing this database may have stored settings of their own (a signing key, say).
        var before = jdbc.queryForList("select name, setting_value from setting order by name");

        var unreachable = administration.test(new ClusterConnection(Mode.KUBECONFIG, Optional.of(cluster.kubeconfig()),
                "argocd"));

        assertThat(unreachable.state()).isEqualTo(State.DOWN);
        assertThat(unreachable.detail()).startsWith("The management cluster is unreachable");
        assertThat(jdbc.queryForList("select name, setting_value from setting order by name")).isEqualTo(before);
        assertThat(administration.current().mode()).isEqualTo(Mode.NONE);
        cluster.restart();
    }

    @Test
    void badInputIsRefusedAtItsFieldAndNothingIsStored() {
        assertThatThrownBy(() -> administration.save(new ClusterConnection(Mode.KUBECONFIG,
                Optional.of("this: is: not a kubeconfig"), "argocd")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("kubeconfig"));
        assertThatThrownBy(() -> administration.save(new ClusterConnection(Mode.KUBECONFIG, Optional.empty(), "argocd")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("Paste the kubeconfig"));
        assertThatThrownBy(() -> administration.save(new ClusterConnection(Mode.KUBECONFIG,
                Optional.of(cluster.kubeconfig()), "Argo CD!")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("namespace"));
        assertThat(jdbc.queryForObject("select count(*) from setting", Long.class)).isZero();
    }

    @Test
    void onlyAnAdminMaySeeOrChangeTheConnection() {
        signInAs("mia", Role.MAINTAINER);

        assertThatThrownBy(() -> administration.current()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.save(new ClusterConnection(Mode.KUBECONFIG,
                Optional.of(cluster.kubeconfig()), "argocd"))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from setting", Long.class)).isZero();
    }

    /** The project's objects as Plate's adapter writes them, put straight into the cluster Plate is not yet on. */
    private void applyProject(String project, EnvironmentSummary env) {
        var client = cluster.client();
        for (ArgoCdObject object : List.of(
                ApplicationManifests.appProject(project, List.of(env), repository.cloneUrl(), ArgoCdCluster.NAMESPACE,
                        repository.installationId()),
                ApplicationManifests.application(project, env, repository.cloneUrl(), ArgoCdCluster.NAMESPACE,
                        repository.installationId()))) {
            client.genericKubernetesResources(object.objectKind() == ArgoCdObject.Kind.APPLICATION
                    ? ArgoCdCluster.APPLICATION : ArgoCdCluster.APP_PROJECT).inNamespace(ArgoCdCluster.NAMESPACE)
                    .resource(client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class))
                    .create();
        }
    }

    private void signInAs(String username, Role role) {
        dev.plate.support.SignIn.as(securityContext, username, role);
    }
}
