package dev.plate.argocd.internal;

import static dev.plate.argocd.ApplicationManifests.MANAGED_BY;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import dev.plate.argocd.ArgoCdObject;
import dev.plate.argocd.LiveObject;
import dev.plate.cluster.ManagementCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes Argo CD objects through the Kubernetes API: typed objects by server-side apply under the field manager
 * {@value ArgoCd#FIELD_MANAGER} (forced: a field of Plate's that someone changed is Plate's again), only onto
 * objects that carry this installation's id. The refresh and a sync are one-off requests, not desired state:
 * JSON merge patches of the annotation and {@code operation}.
 */
@Component
class FabricArgoCd implements ArgoCd {

    private static final Logger LOG = LoggerFactory.getLogger(FabricArgoCd.class);
    private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

    private final ManagementCluster connection;
    private final Ownership ownership;
    private final RepositorySecret secret;

    FabricArgoCd(ManagementCluster connection, Ownership ownership) {
        this.connection = connection;
        this.ownership = ownership;
        this.secret = new RepositorySecret(connection);
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
    public String installation() {
        return ownership.installation();
    }

    /** Two list calls, cheap enough to run every few minutes at 10,000 applications. */
    @Override
    public List<LiveObject> list() {
        return call("list Plate's Argo CD objects", () -> {
            var result = new ArrayList<LiveObject>();
            for (var kind : ArgoCdObject.Kind.values()) {
                resources(kind).withLabel(MANAGED_BY, "plate").list().getItems()
                        .forEach(item -> result.add(ownership.read(kind, item)));
            }
            return result;
        });
    }

    @Override
    public Optional<LiveObject> get(ArgoCdObject.Kind kind, String name) {
        return call("read " + kind.kind() + " " + name, () -> Optional.ofNullable(resources(kind).withName(name).get())
                .map(item -> ownership.read(kind, item)));
    }

    /**
     * An object Plate does not know yet is created (POST: it fails if the name is taken, so Plate never writes over
     * an object it could not see, such as another team's without Plate's labels); a known one of this installation's
     * is written with server-side apply.
     */
    @Override
    public Outcome apply(ArgoCdObject desired, Optional<LiveObject> live) {
        if (live.isPresent() && !live.get().ours()) {
            throw notOurs(live.get());
        }
        if (live.isPresent() && (live.get().deleting() || holds(live.get(), desired))) {
            return Outcome.UNCHANGED; // being deleted: written afresh once Argo CD is done with it
        }
        var resource = client().getKubernetesSerialization().convertValue(desired, GenericKubernetesResource.class);
        if (live.isEmpty()) {
            try {
                call("create " + desired.objectKind().kind() + " " + desired.name(),
                        () -> resources(desired.objectKind()).resource(resource).create());
                return Outcome.CREATED;
            } catch (ArgoCdException e) {
                if (!(e.getCause() instanceof io.fabric8.kubernetes.client.KubernetesClientException k8s)
                        || k8s.getCode() != 409) {
                    throw e;
                }
                var existing = get(desired.objectKind(), desired.name()).orElseThrow(() -> e);
                if (!existing.ours()) {
                    throw notOurs(existing);
                }
                return apply(desired, Optional.of(existing)); // another instance created it a moment ago
            }
        }
        var written = call("write " + desired.objectKind().kind() + " " + desired.name(), () -> resources(
                desired.objectKind()).resource(resource).fieldManager(FIELD_MANAGER).forceConflicts()
                .serverSideApply());
        dropFieldsKeptByAnotherManager(desired, written);
        return Outcome.UPDATED;
    }

    private ArgoCdException notOurs(LiveObject object) {
        return new dev.plate.argocd.ArgoCdConflictException(object.describe() + " is not this Plate's (it does not "
                + "carry " + ApplicationManifests.INSTALLATION_LABEL + "=" + installation() + "): Plate leaves it alone.");
    }

    /**
     * Fields Plate stopped setting that another field manager still owns, so server-side apply keeps them: an
     * Application written before Plate used server-side apply (the client's default manager), or created by Plate's
     * POST (an Update entry of its own, which co-owns every field set at creation). Switching an environment to
     * manual sync must still turn automated sync off, and moving it between a cluster URL and a cluster name must not
     * leave both (Argo CD refuses a destination with both).
     */
    private void dropFieldsKeptByAnotherManager(ArgoCdObject desired, GenericKubernetesResource written) {
        if (!(desired instanceof dev.plate.argocd.ApplicationResource app) || written == null) {
            return;
        }
        var drop = new java.util.ArrayList<String>();
        if (app.spec().syncPolicy().automated() == null && written.get("spec", "syncPolicy", "automated") != null) {
            drop.add("\"syncPolicy\":{\"automated\":null}");
        }
        var destination = app.spec().destination();
        if (destination.server() == null && written.get("spec", "destination", "server") != null) {
            drop.add("\"destination\":{\"server\":null}");
        } else if (destination.name() == null && written.get("spec", "destination", "name") != null) {
            drop.add("\"destination\":{\"name\":null}");
        }
        for (String field : drop) { // one patch each: a merge patch's keys may not repeat
            call("clear a field Plate no longer sets on " + desired.name(), () -> resources(desired.objectKind())
                    .withName(desired.name()).patch(MERGE, "{\"spec\":{" + field + "}}"));
        }
    }

    /** Whether the live object already says what Plate wants: the same spec, Plate's labels and finalizers. */
    private static boolean holds(LiveObject live, ArgoCdObject desired) {
        var have = live.content();
        return java.util.Objects.equals(spec(have), spec(desired))
                && have.metadata().labels().entrySet().containsAll(desired.metadata().labels().entrySet())
                && have.metadata().finalizers().containsAll(desired.metadata().finalizers());
    }

    private static Object spec(ArgoCdObject object) {
        return switch (object) {
            case dev.plate.argocd.ApplicationResource app -> app.spec();
            case dev.plate.argocd.AppProjectResource project -> project.spec();
        };
    }

    @Override
    public boolean delete(LiveObject object) {
        return call("delete " + object.kind().kind() + " " + object.name(), () -> {
            // Looked at again just before: only an object that is still this installation's goes.
            var now = resources(object.kind()).withName(object.name()).get();
            if (now == null || !ownership.ours(object.kind(), now)) {
                return false;
            }
            resources(object.kind()).withName(object.name()).delete();
            return true;
        });
    }

    @Override
    public void refresh(String project, String environment, Optional<SyncRequest> sync) {
        String name = ApplicationManifests.applicationName(project, environment);
        call("refresh Application " + name, () -> {
            var app = resources(ArgoCdObject.Kind.APPLICATION).withName(name);
            var live = app.get();
            if (live == null) {
                throw new ArgoCdException("Could not refresh Application " + name + ": it does not exist (yet) in "
                        + connection.namespace() + ".", null);
            }
            if (!ownership.ours(ArgoCdObject.Kind.APPLICATION, live)) {
                throw new ArgoCdException("Application " + name + " is not this Plate's: not refreshed.", null);
            }
            var patch = new LinkedHashMap<String, Object>();
            patch.put("metadata", Map.of("annotations", Map.of("argocd.argoproj.io/refresh", "normal")));
            sync.ifPresent(request -> patch.put("operation", Map.of(
                    "initiatedBy", Map.of("username", request.user()),
                    "info", List.of(Map.of("name", "Reason", "value", "deployed with Plate")),
                    "sync", Map.of("revision", request.revision()))));
            app.patch(MERGE, client().getKubernetesSerialization().asJson(patch));
            return null;
        });
    }

    @Override
    public void applyRepository(Optional<RepositoryCredentials> credentials) {
        call("write the config repository's Secret", () -> {
            secret.write(client(), credentials);
            return null;
        });
    }

    @Override
    public Optional<RepositoryCredentials> repository() {
        return call("read the config repository's Secret", () -> secret.read(client()));
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> resources(ArgoCdObject.Kind kind) {
        return client().genericKubernetesResources(ArgoCdResources.of(kind)).inNamespace(connection.namespace());
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
            LOG.debug("Argo CD call failed: {}", what, e);
            throw new ArgoCdException("Could not " + what + ": " + KubernetesProblems.describe(e,
                    connection.namespace()), e);
        }
    }
}
