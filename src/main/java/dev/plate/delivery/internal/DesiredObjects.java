package dev.plate.delivery.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdObject;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The Argo CD objects Plate wants for a project: its AppProject first, then one Application per environment. */
@Component
class DesiredObjects {

    private final ArgoCd argoCd;
    private final ConfigRepository repository;

    DesiredObjects(ArgoCd argoCd, ConfigRepository repository) {
        this.argoCd = argoCd;
        this.repository = repository;
    }

    List<ArgoCdObject> of(String project, List<EnvironmentSummary> environments) {
        String url = repository.cloneUrl();
        String namespace = argoCd.namespace();
        String installation = repository.installationId();
        var objects = new ArrayList<ArgoCdObject>();
        objects.add(ApplicationManifests.appProject(project, environments, url, namespace, installation));
        environments.forEach(env -> objects.add(ApplicationManifests.application(project, env, url, namespace,
                installation)));
        return objects;
    }
}
