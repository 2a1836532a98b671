package dev.plate.argocd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCd.SyncRequest;
import dev.plate.argocd.ArgoCdException;
import dev.plate.argocd.ArgoCdObject;
import dev.plate.argocd.LiveObject;
import dev.plate.cluster.ClusterProperties;
import dev.plate.cluster.internal.KubernetesConnection;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.SchemaValidator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Argo CD adapter against an API server: typed objects, server-side apply, and never another's object. */
class FabricArgoCdTest {

    static final String REPO = "http://plate.example/git/plate-config.git";
    static final String INSTALLATION = "0123456789abcdef";
    static final EnvironmentSummary DEV = new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc",
            "{project}-{env}", true, false);
    static final EnvironmentSummary PROD = new EnvironmentSummary(3, "prod", 2, "https://prod.example:6443",
            "{project}-{env}", false, true);

    ArgoCdCluster cluster;
    KubernetesConnection connection;
    FabricArgoCd argoCd;

    @BeforeEach
    void start() {
        cluster = new ArgoCdCluster();
        connection = connectionTo(cluster);
        argoCd = new FabricArgoCd(connection, new Ownership(() -> INSTALLATION, () -> REPO));
    }

    @AfterEach
    void stop() {
        connection.destroy();
        cluster.close();
    }

    @Test
    void applied_objects_carry_the_installation_and_validate_against_argo_cds_crds() {
        applyProject(argoCd, "shop", DEV, PROD);

        var dev = cluster.application("shop-dev");
        assertThat(dev.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "plate")
                .containsEntry("plate.dev/project", "shop").containsEntry("plate.dev/environment", "dev")
                .containsEntry("plate.dev/installation", INSTALLATION);
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
        assertThat(project.getMetadata().getLabels()).containsEntry("plate.dev/installation", INSTALLATION);
        assertThat((Object) project.get("spec", "sourceRepos")).isEqualTo(List.of(REPO));
        assertThat((Object) project.get("spec", "destinations")).isEqualTo(List.of(
                Map.of("server", "https://kubernetes.default.svc", "namespace", "shop-dev"),
                Map.of("server", "https://prod.example:6443", "namespace", "shop-prod")));

        assertThat(SchemaValidator.argoCdErrors(json(dev), "application-crd.yaml")).isEmpty();
        assertThat(SchemaValidator.argoCdErrors(json(cluster.application("shop-prod")), "application-crd.yaml")).isEmpty();
        assertThat(SchemaValidator.argoCdErrors(json(project), "appproject-crd.yaml")).isEmpty();
    }

    @Test
    void an_environment_on_a_cluster_named_in_argo_cd_deploys_by_destination_name() {
        var eu = new EnvironmentSummary(4, "eu", 3, "prod-eu", "{project}-{env}", false, true);

        applyProject(argoCd, "shop", DEV, eu);

        var app = cluster.application("shop-eu");
        assertThat((Object) app.get("spec", "destination")).isEqualTo(Map.of("name", "prod-eu", "namespace", "shop-eu"));
        assertThat((Object) cluster.appProject("shop").get("spec", "destinations")).isEqualTo(List.of(
                Map.of("server", "https://kubernetes.default.svc", "namespace", "shop-dev"),
                Map.of("name", "prod-eu", "namespace", "shop-eu")));
        assertThat(SchemaValidator.argoCdErrors(json(app), "application-crd.yaml")).isEmpty();
    }

    @Test
    void moving_an_environment_from_a_cluster_url_to_a_cluster_name_leaves_only_the_name() {
        applyProject(argoCd, "shop", DEV);
        var byName = new EnvironmentSummary(1, "dev", 0, "in-cluster", "{project}-{env}", true, false);

        applyProject(argoCd, "shop", byName);

        var app = cluster.application("shop-dev");
        assertThat((Object) app.get("spec", "destination", "name")).isEqualTo("in-cluster");
        assertThat((Object) app.get("spec", "destination", "namespace")).isEqualTo("shop-dev");
        // Created by POST, the URL has a second owner that keeps it through server-side apply: cleared explicitly.
        // (The mock keeps a merge patch's null as a value, where an API server removes the key.)
        assertThat((Object) app.get("spec", "destination", "server")).isNull();
    }

    @Test
    void an_object_that_appears_after_plate_looked_is_not_written_over() {
        var desired = ApplicationManifests.application("shop", DEV, REPO, ArgoCdCluster.NAMESPACE, INSTALLATION);
        assertThat(argoCd.get(ArgoCdObject.Kind.APPLICATION, "shop-dev")).as("nothing there when Plate looks").isEmpty();
        // Between Plate's look and its write, another team creates an Application of that name, without Plate's labels.
        create(ApplicationManifests.application("shop", DEV, "https://git.example/payments.git",
                ArgoCdCluster.NAMESPACE, INSTALLATION), Map.of("team", "payments"));

        assertThatThrownBy(() -> argoCd.apply(desired, Optional.empty()))
                .isInstanceOf(dev.plate.argocd.ArgoCdConflictException.class).hasMessageContaining("team=payments");

        var app = cluster.application("shop-dev");
        assertThat(app.getMetadata().getLabels()).isEqualTo(Map.of("team", "payments"));
        assertThat((Object) app.get("spec", "source", "repoURL")).isEqualTo("https://git.example/payments.git");
    }

    @Test
    void a_second_apply_of_the_same_object_writes_nothing() {
        applyProject(argoCd, "shop", DEV);

        assertThat(applyProject(argoCd, "shop", DEV)).containsOnly(ArgoCd.Outcome.UNCHANGED);
    }

    @Test
    void reapplying_keeps_argo_cds_status_and_peoples_fields_and_removes_automated_sync_when_switched_off() {
        applyProject(argoCd, "shop", DEV);
        cluster.healthy("shop-dev", "abc123");
        app("shop-dev").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"team\":\"payments\"}},"
                + "\"spec\":{\"ignoreDifferences\":[{\"kind\":\"Deployment\",\"jsonPointers\":[\"/spec/replicas\"]}]}}");
        var manualDev = new EnvironmentSummary(1, "dev", 0, "https://kubernetes.default.svc", "{project}-{env}",
                false, false);

        assertThat(applyProject(argoCd, "shop", manualDev)).contains(ArgoCd.Outcome.UPDATED);

        var app = cluster.application("shop-dev");
        assertThat((Object) app.get("spec", "syncPolicy", "automated")).isNull();
        assertThat((Object) app.get("spec", "syncPolicy", "syncOptions")).isEqualTo(List.of("CreateNamespace=true"));
        assertThat((Object) app.get("status", "sync", "status")).isEqualTo("Synced");
        assertThat((Object) app.get("status", "sync", "revision")).isEqualTo("abc123");
        assertThat((Object) app.get("status", "health", "status")).isEqualTo("Healthy");
        assertThat(app.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat((Object) app.get("spec", "ignoreDifferences")).isNotNull();
    }

    @Test
    void a_field_of_plates_changed_by_hand_is_put_back() {
        applyProject(argoCd, "shop", DEV);
        app("shop-dev").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"source\":{\"targetRevision\":\"hotfix\"}}}");

        assertThat(applyProject(argoCd, "shop", DEV)).contains(ArgoCd.Outcome.UPDATED);

        assertThat((Object) cluster.application("shop-dev").get("spec", "source", "targetRevision")).isEqualTo("main");
    }

    @Test
    void another_owners_object_of_the_same_name_is_neither_changed_nor_deleted() {
        var foreign = new GenericKubernetesResource();
        foreign.setApiVersion("argoproj.io/v1alpha1");
        foreign.setKind("AppProject");
        foreign.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("billing")
                .withNamespace(ArgoCdCluster.NAMESPACE).withLabels(Map.of("team", "billing",
                        "app.kubernetes.io/managed-by", "plate", "plate.dev/installation", "another-plate")).build());
        foreign.setAdditionalProperty("spec", Map.of("description", "Billing team", "sourceRepos",
                List.of("https://git.example/billing.git")));
        cluster.client().genericKubernetesResources(ArgoCdCluster.APP_PROJECT).inNamespace(ArgoCdCluster.NAMESPACE)
                .resource(foreign).create();

        var live = argoCd.get(ArgoCdObject.Kind.APP_PROJECT, "billing").orElseThrow();
        assertThat(live.owner()).isEqualTo(LiveObject.Owner.OTHER);
        var desired = ApplicationManifests.appProject("billing", List.of(DEV), REPO, ArgoCdCluster.NAMESPACE,
                INSTALLATION);
        assertThatThrownBy(() -> argoCd.apply(desired, Optional.of(live))).isInstanceOf(ArgoCdException.class)
                .hasMessageContaining("not this Plate's");
        assertThat(argoCd.delete(live)).isFalse();

        var after = cluster.appProject("billing");
        assertThat(after.getMetadata().getLabels()).containsEntry("plate.dev/installation", "another-plate")
                .containsEntry("team", "billing");
        assertThat((Object) after.get("spec", "description")).isEqualTo("Billing team");
        assertThat((Object) after.get("spec", "sourceRepos")).isEqualTo(List.of("https://git.example/billing.git"));
    }

    @Test
    void an_object_plate_wrote_before_it_marked_its_objects_is_adopted_when_it_points_at_this_repository() {
        var legacy = ApplicationManifests.application("shop", DEV, REPO, ArgoCdCluster.NAMESPACE, INSTALLATION);
        var unmarked = new java.util.HashMap<>(legacy.metadata().labels());
        unmarked.remove("plate.dev/installation");
        create(legacy, unmarked);
        var elsewhere = ApplicationManifests.application("other", DEV, "https://git.example/team.git",
                ArgoCdCluster.NAMESPACE, INSTALLATION);
        var otherLabels = new java.util.HashMap<>(elsewhere.metadata().labels());
        otherLabels.remove("plate.dev/installation");
        create(elsewhere, otherLabels);

        assertThat(argoCd.get(ArgoCdObject.Kind.APPLICATION, "shop-dev").orElseThrow().owner())
                .isEqualTo(LiveObject.Owner.ADOPTABLE);
        assertThat(argoCd.get(ArgoCdObject.Kind.APPLICATION, "other-dev").orElseThrow().owner())
                .isEqualTo(LiveObject.Owner.OTHER);
        argoCd.apply(legacy, argoCd.get(ArgoCdObject.Kind.APPLICATION, "shop-dev"));

        assertThat(cluster.application("shop-dev").getMetadata().getLabels())
                .containsEntry("plate.dev/installation", INSTALLATION);
    }

    @Test
    void refresh_annotates_the_application_and_a_manual_sync_starts_an_operation_as_the_plate_user() {
        applyProject(argoCd, "shop", DEV, PROD);

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
    void deleting_goes_through_argo_cds_finalizer_and_only_to_this_installations_objects() {
        applyProject(argoCd, "shop", DEV);
        var live = argoCd.get(ArgoCdObject.Kind.APPLICATION, "shop-dev").orElseThrow();

        assertThat(argoCd.delete(live)).isTrue();

        assertThat(cluster.application("shop-dev").getMetadata().getDeletionTimestamp()).isNotNull();
        cluster.finishDeletion("shop-dev");
        assertThat(cluster.application("shop-dev")).isNull();
    }

    @Test
    void an_unreachable_cluster_is_reported_as_such_not_as_a_stack_trace() {
        cluster.stop();

        assertThatThrownBy(() -> argoCd.refresh("shop", "dev", Optional.empty()))
                .isInstanceOf(ArgoCdException.class)
                .hasMessageStartingWith("Could not refresh Application shop-dev: The management cluster is unreachable");
        cluster.restart();
    }

    @Test
    void a_refresh_of_an_application_that_does_not_exist_says_so() {
        assertThatThrownBy(() -> argoCd.refresh("ghost", "dev", Optional.empty()))
                .isInstanceOf(ArgoCdException.class).hasMessageContaining("ghost-dev");
    }

    private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> app(String name) {
        return cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .withName(name);
    }

    private void create(dev.plate.argocd.ApplicationResource app, Map<String, String> labels) {
        var resource = cluster.client().getKubernetesSerialization().convertValue(app, GenericKubernetesResource.class);
        resource.getMetadata().setLabels(labels);
        cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION).inNamespace(ArgoCdCluster.NAMESPACE)
                .resource(resource).create();
    }

    /** What the delivery module does for a project: its AppProject, then an Application per environment. */
    static List<ArgoCd.Outcome> applyProject(ArgoCd argoCd, String project, EnvironmentSummary... envs) {
        var objects = new java.util.ArrayList<ArgoCdObject>();
        objects.add(ApplicationManifests.appProject(project, List.of(envs), REPO, ArgoCdCluster.NAMESPACE,
                argoCd.installation()));
        for (var env : envs) {
            objects.add(ApplicationManifests.application(project, env, REPO, ArgoCdCluster.NAMESPACE,
                    argoCd.installation()));
        }
        return objects.stream().map(object -> argoCd.apply(object, argoCd.get(object.objectKind(), object.name())))
                .toList();
    }

    /** A connection to a test cluster, as PLATE_ARGOCD_KUBECONFIG would make it. */
    static KubernetesConnection connectionTo(ArgoCdCluster cluster) {
        return new KubernetesConnection(new ClusterProperties(cluster.kubeconfig(), false, ArgoCdCluster.NAMESPACE));
    }

    static tools.jackson.databind.JsonNode json(GenericKubernetesResource resource) {
        return JsonMapper.builder().build().readTree(new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
                .asJson(resource));
    }
}
