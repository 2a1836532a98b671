package dev.plate.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.argocd.ArgoCd.SyncRequest;
import dev.plate.argocd.ArgoCdException;
import dev.plate.argocd.ArgoCdProperties;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.SchemaValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FabricArgoCdTest {

    static final String REPO = "http://plate.example/git/plate-config.git";
    static final EnvironmentSummary DEV = new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc",
            "{project}-{env}", true, false);
    static final EnvironmentSummary PROD = new EnvironmentSummary(3, "prod", 2, "https://prod.example:6443",
            "{project}-{env}", false, true);

    ArgoCdCluster cluster;
    ArgoCdConnection connection;
    FabricArgoCd argoCd;

    @BeforeEach
    void start() {
        cluster = new ArgoCdCluster();
        connection = connectionTo(cluster);
        argoCd = new FabricArgoCd(connection);
    }

    @AfterEach
    void stop() {
        connection.destroy();
        cluster.close();
    }

    @Test
    void importCreatesOneAppProjectAndAnApplicationPerEnvironmentThatValidateAgainstArgoCdsCrds() {
        argoCd.applyProject("shop", List.of(DEV, PROD), REPO);

        var dev = cluster.application("shop-dev");
        assertThat(dev.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "plate")
                .containsEntry("plate.dev/project", "shop").containsEntry("plate.dev/environment", "dev");
        assertThat(dev.getMetadata().getFinalizers()).containsExactly("resources-finalizer.argocd.argoproj.io");
        assertThat((Object) dev.get("spec", "source", "path")).isEqualTo("charts/shop");
        assertThat((Object) dev.get("spec", "source", "helm", "valueFiles"))
                .isEqualTo(List.of("../../applications/shop/dev/values.yaml"));
        assertThat((Object) dev.get("spec", "destination", "namespace")).isEqualTo("shop-dev");
        assertThat((Object) dev.get("spec", "syncPolicy", "automated")).isEqualTo(Map.of("prune", true, "selfHeal", true));
        assertThat((Object) cluster.application("shop-prod").get("spec", "syncPolicy", "automated")).isNull();
        assertThat((Object) cluster.application("shop-prod").get("spec", "syncPolicy", "syncOptions"))
                .isEqualTo(List.of("CreateNamespace=true"));

        var project = cluster.appProject("shop");
        assertThat((Object) project.get("spec", "sourceRepos")).isEqualTo(List.of(REPO));
        assertThat((Object) project.get("spec", "destinations")).isEqualTo(List.of(
                Map.of("server", "https://kubernetes.default.svc", "namespace", "shop-dev"),
                Map.of("server", "https://prod.example:6443", "namespace", "shop-prod")));

        assertThat(SchemaValidator.argoCdErrors(json(dev), "application-crd.yaml")).isEmpty();
        assertThat(SchemaValidator.argoCdErrors(json(cluster.application("shop-prod")), "application-crd.yaml")).isEmpty();
        assertThat(SchemaValidator.argoCdErrors(json(project), "appproject-crd.yaml")).isEmpty();
    }

    @Test
    void anEnvironmentOnAClusterNamedInArgoCdDeploysByDestinationName() {
        var eu = new EnvironmentSummary(4, "eu", 3, "prod-eu", "{project}-{env}", false, true);

        argoCd.applyProject("shop", List.of(DEV, eu), REPO);

        var app = cluster.application("shop-eu");
        assertThat((Object) app.get("spec", "destination")).isEqualTo(Map.of("name", "prod-eu", "namespace", "shop-eu"));
        assertThat((Object) cluster.appProject("shop").get("spec", "destinations")).isEqualTo(List.of(
                Map.of("server", "https://kubernetes.default.svc", "namespace", "shop-dev"),
                Map.of("name", "prod-eu", "namespace", "shop-eu")));
        assertThat(SchemaValidator.argoCdErrors(json(app), "application-crd.yaml")).isEmpty();
        assertThat(SchemaValidator.argoCdErrors(json(cluster.appProject("shop")), "appproject-crd.yaml")).isEmpty();
    }

    @Test
    void updatingAnApplicationKeepsTheStatusArgoCdWroteAndRemovesAutomatedSyncWhenSwitchedOff() {
        argoCd.applyProject("shop", List.of(DEV), REPO);
        cluster.healthy("shop-dev", "abc123");
        var manualDev = new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc", "{project}-{env}",
                false, false);

        assertThat(argoCd.reconcile(Map.of("shop", List.of(DEV)), REPO).unchanged()).isEqualTo(2);
        argoCd.applyProject("shop", List.of(manualDev), REPO);

        var app = cluster.application("shop-dev");
        assertThat((Object) app.get("spec", "syncPolicy", "automated")).isNull();
        assertThat((Object) app.get("status", "sync", "status")).isEqualTo("Synced");
        assertThat((Object) app.get("status", "sync", "revision")).isEqualTo("abc123");
        assertThat((Object) app.get("status", "health", "status")).isEqualTo("Healthy");
    }

    @Test
    void refreshAnnotatesTheApplicationAndAManualSyncStartsAnOperationAsThePlateUser() {
        argoCd.applyProject("shop", List.of(DEV, PROD), REPO);

        argoCd.refresh("shop", "dev", Optional.empty());
        argoCd.refresh("shop", "prod", Optional.of(new SyncRequest("alice", "0123abcd")));

        assertThat(cluster.application("shop-dev").getMetadata().getAnnotations())
                .containsEntry("argocd.argoproj.io/refresh", "normal");
        assertThat((Object) cluster.application("shop-dev").get("operation")).isNull();
        var prod = cluster.application("shop-prod");
        assertThat((Object) prod.get("operation", "initiatedBy", "username")).isEqualTo("alice");
        assertThat((Object) prod.get("operation", "sync", "revision")).isEqualTo("0123abcd");
        assertThat(SchemaValidator.argoCdErrors(json(prod), "application-crd.yaml")).isEmpty();
    }

    @Test
    void reconcileCreatesWhatIsMissingAndDeletesWhatPlateNoLongerWants() {
        argoCd.applyProject("old", List.of(DEV), REPO);
        argoCd.applyProject("shop", List.of(DEV), REPO);
        cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .withName("shop-dev").delete();
        cluster.finishDeletion("shop-dev");

        var result = argoCd.reconcile(Map.of("shop", List.of(DEV, PROD)), REPO);

        assertThat(cluster.application("shop-dev")).isNotNull();
        assertThat(cluster.application("shop-prod")).isNotNull();
        assertThat(cluster.appProject("old")).isNull();
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.deleted()).isEqualTo(2); // old-dev (it keeps its finalizer until Argo CD is done) and old
        assertThat(cluster.application("old-dev").getMetadata().getDeletionTimestamp()).isNotNull();
    }

    @Test
    void removingAProjectDeletesItsApplicationsThroughArgoCdsFinalizerAndItsAppProject() {
        argoCd.applyProject("shop", List.of(DEV, PROD), REPO);
        argoCd.applyProject("other", List.of(DEV), REPO);

        argoCd.removeProject("shop");

        assertThat(cluster.application("shop-dev").getMetadata().getDeletionTimestamp()).isNotNull();
        cluster.finishDeletion("shop-dev");
        cluster.finishDeletion("shop-prod");
        assertThat(cluster.application("shop-dev")).isNull();
        assertThat(cluster.application("shop-prod")).isNull();
        assertThat(cluster.appProject("shop")).isNull();
        assertThat(cluster.application("other-dev")).isNotNull();
    }

    @Test
    void anUnreachableClusterIsReportedAsSuchNotAsAStackTrace() {
        cluster.stop();

        assertThatThrownBy(() -> argoCd.refresh("shop", "dev", Optional.empty()))
                .isInstanceOf(ArgoCdException.class)
                .hasMessageStartingWith("Could not refresh Application shop-dev: The management cluster is unreachable");
        cluster.restart();
    }

    @Test
    void aRefreshOfAnApplicationThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> argoCd.refresh("ghost", "dev", Optional.empty()))
                .isInstanceOf(ArgoCdException.class).hasMessageContaining("ghost-dev");
    }

    /** A connection to a test cluster, as PLATE_ARGOCD_KUBECONFIG would make it. */
    static ArgoCdConnection connectionTo(ArgoCdCluster cluster) {
        return new ArgoCdConnection(new ArgoCdProperties(cluster.kubeconfig(), false, ArgoCdCluster.NAMESPACE,
                Duration.ofMinutes(10), Duration.ofMinutes(5), "", "", ""));
    }

    /** A writer for another test's cluster (its client closes with the JVM; tests use few). */
    static FabricArgoCd argoCdFor(ArgoCdCluster other) {
        return new FabricArgoCd(connectionTo(other));
    }

    static tools.jackson.databind.JsonNode json(GenericKubernetesResource resource) {
        return JsonMapper.builder().build().readTree(new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .asJson(resource));
    }
}
