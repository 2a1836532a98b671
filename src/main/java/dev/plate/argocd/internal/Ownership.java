package dev.plate.argocd.internal;

import static dev.plate.argocd.ApplicationManifests.INSTALLATION_LABEL;
import static dev.plate.argocd.ApplicationManifests.MANAGED_BY;

import dev.plate.argocd.AppProjectResource;
import dev.plate.argocd.ApplicationResource;
import dev.plate.argocd.ArgoCdObject;
import dev.plate.argocd.LiveObject;
import dev.plate.argocd.LiveObject.Owner;
import dev.plate.gitops.ConfigRepository;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Whose an Argo CD object is. Its {@code plate.dev/installation} label decides: this installation's id (the config
 * repository's, the same on every instance), another's, or none. An object Plate wrote before it marked objects
 * (labelled as Plate's, without an id) is this installation's only if it points at this installation's config
 * repository — another team's object never does.
 */
@Component
class Ownership {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Supplier<String> installation;
    private final Supplier<String> repositoryUrl;

    @org.springframework.beans.factory.annotation.Autowired
    Ownership(ConfigRepository repository) {
        this(repository::installationId, repository::cloneUrl);
    }

    Ownership(Supplier<String> installation, Supplier<String> repositoryUrl) {
        this.installation = installation;
        this.repositoryUrl = repositoryUrl;
    }

    String installation() {
        return installation.get();
    }

    LiveObject read(ArgoCdObject.Kind kind, GenericKubernetesResource object) {
        Map<String, String> labels = Optional.ofNullable(object.getMetadata().getLabels()).orElse(Map.of());
        Class<? extends ArgoCdObject> type = kind == ArgoCdObject.Kind.APPLICATION ? ApplicationResource.class
                : AppProjectResource.class;
        ArgoCdObject content = SERIALIZATION.convertValue(object, type);
        return new LiveObject(kind, object.getMetadata().getName(), Map.copyOf(labels), owner(labels, content),
                object.getMetadata().getDeletionTimestamp() != null, content);
    }

    /** Decided by the label alone where there is one (the informer asks on every event). */
    boolean ours(ArgoCdObject.Kind kind, GenericKubernetesResource object) {
        var labels = object.getMetadata().getLabels();
        String installation = labels == null ? null : labels.get(INSTALLATION_LABEL);
        return installation != null ? installation.equals(installation()) : read(kind, object).ours();
    }

    private Owner owner(Map<String, String> labels, ArgoCdObject content) {
        String installation = labels.get(INSTALLATION_LABEL);
        if (installation != null) {
            return installation.equals(installation()) ? Owner.THIS_INSTALLATION : Owner.OTHER;
        }
        return "plate".equals(labels.get(MANAGED_BY)) && pointsHere(content) ? Owner.ADOPTABLE : Owner.OTHER;
    }

    private boolean pointsHere(ArgoCdObject content) {
        String url = repositoryUrl.get();
        return switch (content) {
            case ApplicationResource app -> app.spec() != null && app.spec().source() != null
                    && url.equals(app.spec().source().repoURL());
            case AppProjectResource project -> project.spec() != null && project.spec().sourceRepos() != null
                    && project.spec().sourceRepos().contains(url);
        };
    }
}
