package dev.plate.argocd.internal;

import static dev.plate.argocd.ApplicationManifests.MANAGED_BY;
import static dev.plate.argocd.ApplicationManifests.PROJECT_LABEL;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import dev.plate.environment.EnvironmentSummary;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes Argo CD objects through the Kubernetes API. Only what Plate owns is ever written (labels, finalizers,
 * {@code spec}, the refresh annotation, {@code operation}), as JSON merge patches: Argo CD's Application CRD has
 * no status subresource, so replacing a whole object would wipe the status Argo CD wrote.
 */
@Component
class FabricArgoCd implements ArgoCd {

    private static final Logger LOG = LoggerFactory.getLogger(FabricArgoCd.class);
    private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final ArgoCdConnection connection;

    FabricArgoCd(ArgoCdConnection connection) {
        this.connection = connection;
    }

    @Override
    public boolean connected() {
        return connection.client().isPresent();
    }

    @Override
    public String namespace() {
        return connection.namespace();
    }

    @Override
    public void applyProject(String project, List<EnvironmentSummary> environments, String repoUrl) {
        call("update the Argo CD objects of " + project, () -> {
            write(ArgoCdResources.APP_PROJECT, ApplicationManifests.appProject(project, environments, repoUrl,
                    connection.namespace()));
            environments.forEach(env -> write(ArgoCdResources.APPLICATION,
                    ApplicationManifests.application(project, env, repoUrl, connection.namespace())));
            return null;
        });
    }

    @Override
    public void removeProject(String project) {
        call("delete the Argo CD objects of " + project, () -> {
            // Argo CD's finalizer on each Application deletes what it deployed before the Application goes.
            managed(ArgoCdResources.APPLICATION).withLabel(PROJECT_LABEL, project).delete();
            managed(ArgoCdResources.APP_PROJECT).withLabel(PROJECT_LABEL, project).delete();
            return null;
        });
    }

    @Override
    public void refresh(String project, String environment, Optional<SyncRequest> sync) {
        String name = ApplicationManifests.applicationName(project, environment);
        call("refresh Application " + name, () -> {
            var patch = new LinkedHashMap<String, Object>();
            patch.put("metadata", Map.of("annotations", Map.of("argocd.argoproj.io/refresh", "normal")));
            sync.ifPresent(request -> patch.put("operation", Map.of(
                    "initiatedBy", Map.of("username", request.user()),
                    "info", List.of(Map.of("name", "Reason", "value", "deployed with Plate")),
                    "sync", Map.of("revision", request.revision()))));
            resources(ArgoCdResources.APPLICATION).withName(name).patch(MERGE, json(patch));
            return null;
        });
    }

    /** Two lists, then a write only where something differs: cheap enough to run every few minutes at 10,000 apps. */
    @Override
    public ReconcileResult reconcile(Map<String, List<EnvironmentSummary>> wanted, String repoUrl) {
        return call("reconcile the Argo CD objects", () -> {
            var counts = new int[Outcome.values().length];
            var liveApplications = byName(managed(ArgoCdResources.APPLICATION).list().getItems());
            var liveProjects = byName(managed(ArgoCdResources.APP_PROJECT).list().getItems());
            var keepApplications = new HashSet<String>();
            wanted.forEach((project, environments) -> {
                counts[write(ArgoCdResources.APP_PROJECT, ApplicationManifests.appProject(project, environments,
                        repoUrl, connection.namespace()), liveProjects.get(project)).ordinal()]++;
                for (var env : environments) {
                    String name = ApplicationManifests.applicationName(project, env.name());
                    keepApplications.add(name);
                    counts[write(ArgoCdResources.APPLICATION, ApplicationManifests.application(project, env,
                            repoUrl, connection.namespace()), liveApplications.get(name)).ordinal()]++;
                }
            });
            int deleted = deleteOthers(ArgoCdResources.APPLICATION, liveApplications, keepApplications)
                    + deleteOthers(ArgoCdResources.APP_PROJECT, liveProjects, wanted.keySet());
            return new ReconcileResult(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()], deleted,
                    counts[Outcome.UNCHANGED.ordinal()]);
        });
    }

    /** One config repository per Plate, so one Secret of a fixed name. */
    static final String REPOSITORY_SECRET = "plate-config-repository";
    static final String EXPIRES_ANNOTATION = "plate.dev/credential-expires-at";

    @Override
    public void applyRepository(Optional<RepositoryCredentials> credentials) {
        call("write the config repository's Secret", () -> {
            var secrets = client().secrets().inNamespace(connection.namespace());
            if (credentials.isEmpty()) {
                secrets.withName(REPOSITORY_SECRET).delete();
                return null;
            }
            var wanted = credentials.get();
            var annotations = new java.util.LinkedHashMap<String, String>();
            wanted.expiresAt().ifPresent(at -> annotations.put(EXPIRES_ANNOTATION, at.toString()));
            // data, not stringData: the API server would convert, but a reader must see the same either way.
            var data = new java.util.LinkedHashMap<String, String>();
            data.put("type", base64("git"));
            data.put("name", base64("plate-config"));
            data.put("url", base64(wanted.url()));
            data.put("username", base64(wanted.username()));
            data.put("password", base64(wanted.password()));
            var secret = new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                    .withName(REPOSITORY_SECRET).withNamespace(connection.namespace())
                    .addToLabels("argocd.argoproj.io/secret-type", "repository")
                    .addToLabels(ApplicationManifests.MANAGED_BY, "plate").withAnnotations(annotations).endMetadata()
                    .withType("Opaque").withData(data).build();
            secrets.resource(secret).createOr(existing -> existing.update());
            LOG.info("Argo CD: repository credentials for {} written ({})", wanted.url(), wanted.username());
            return null;
        });
    }

    @Override
    public Optional<RepositoryCredentials> repository() {
        return call("read the config repository's Secret", () -> Optional.ofNullable(client().secrets()
                .inNamespace(connection.namespace()).withName(REPOSITORY_SECRET).get()).map(secret -> {
                    var data = secret.getData() == null ? Map.<String, String>of() : secret.getData();
                    var annotations = secret.getMetadata().getAnnotations() == null ? Map.<String, String>of()
                            : secret.getMetadata().getAnnotations();
                    return new RepositoryCredentials(unbase64(data.get("url")), unbase64(data.get("username")),
                            unbase64(data.get("password")), Optional.ofNullable(annotations.get(EXPIRES_ANNOTATION))
                                    .map(java.time.Instant::parse));
                }));
    }

    private static String base64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String unbase64(String value) {
        return value == null ? "" : new String(java.util.Base64.getDecoder().decode(value),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, GenericKubernetesResource> byName(List<GenericKubernetesResource> items) {
        var result = new java.util.HashMap<String, GenericKubernetesResource>();
        items.forEach(item -> result.put(item.getMetadata().getName(), item));
        return result;
    }

    private int deleteOthers(ResourceDefinitionContext kind, Map<String, GenericKubernetesResource> live,
            Set<String> keep) {
        int deleted = 0;
        for (var entry : live.entrySet()) {
            if (!keep.contains(entry.getKey()) && entry.getValue().getMetadata().getDeletionTimestamp() == null) {
                resources(kind).withName(entry.getKey()).delete();
                LOG.info("Deleted {} {}: its project or environment is gone from Plate", kind.getKind(), entry.getKey());
                deleted++;
            }
        }
        return deleted;
    }

    Outcome write(ResourceDefinitionContext kind, Map<String, Object> desired) {
        String name = (String) ((Map<?, ?>) desired.get("metadata")).get("name");
        return write(kind, desired, resources(kind).withName(name).get());
    }

    /** Creates the object, or patches the fields Plate owns when they differ from what it wants. */
    @SuppressWarnings("unchecked")
    private Outcome write(ResourceDefinitionContext kind, Map<String, Object> desired, GenericKubernetesResource known) {
        var metadata = (Map<String, Object>) desired.get("metadata");
        String name = (String) metadata.get("name");
        var resource = resources(kind).withName(name);
        GenericKubernetesResource live = known;
        if (live == null) {
            try {
                resources(kind).resource(client().getKubernetesSerialization().convertValue(desired,
                        GenericKubernetesResource.class)).create();
                return Outcome.CREATED;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                live = resource.get(); // another instance created it a moment ago
            }
        }
        if (live.getMetadata().getDeletionTimestamp() != null) {
            return Outcome.UNCHANGED; // Argo CD is still deleting it; the next reconcile creates it afresh
        }
        var liveSpec = (Map<String, Object>) live.getAdditionalProperties().get("spec");
        var wantedSpec = (Map<String, Object>) desired.get("spec");
        var patch = new LinkedHashMap<String, Object>();
        var specPatch = MergePatch.diff(liveSpec, wantedSpec);
        if (!specPatch.isEmpty()) {
            patch.put("spec", specPatch);
        }
        var metadataPatch = new LinkedHashMap<String, Object>();
        var labels = (Map<String, String>) metadata.get("labels");
        var liveLabels = Optional.ofNullable(live.getMetadata().getLabels()).orElse(Map.of());
        if (!liveLabels.entrySet().containsAll(labels.entrySet())) {
            metadataPatch.put("labels", labels);
        }
        var finalizers = (List<String>) metadata.getOrDefault("finalizers", List.of());
        var liveFinalizers = Optional.ofNullable(live.getMetadata().getFinalizers()).orElse(List.of());
        if (!liveFinalizers.containsAll(finalizers)) {
            var merged = new java.util.ArrayList<>(liveFinalizers);
            finalizers.stream().filter(f -> !liveFinalizers.contains(f)).forEach(merged::add);
            metadataPatch.put("finalizers", merged);
        }
        if (!metadataPatch.isEmpty()) {
            patch.put("metadata", metadataPatch);
        }
        if (patch.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        resource.patch(MERGE, json(patch));
        return Outcome.UPDATED;
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> resources(ResourceDefinitionContext kind) {
        return client().genericKubernetesResources(kind).inNamespace(connection.namespace());
    }

    private io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> managed(ResourceDefinitionContext kind) {
        return resources(kind).withLabel(MANAGED_BY, "plate");
    }

    private String json(Object value) {
        return client().getKubernetesSerialization().asJson(value);
    }

    private KubernetesClient client() {
        return connection.client().orElseThrow(() -> new ArgoCdException(
                "No management cluster is configured: set plate.argocd.kubeconfig or plate.argocd.in-cluster.", null));
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ArgoCdException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ArgoCdException("Could not " + what + ": " + KubernetesProblems.describe(e,
                    connection.namespace()), e);
        }
    }
}
