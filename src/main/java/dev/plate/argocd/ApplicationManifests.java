package dev.plate.argocd;

import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.RepoLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD objects for a project: one {@code AppProject} per project and one {@code Application} per
 * environment, typed. The Applications are also committed next to their values, so a cluster can be rebuilt from
 * the repository alone. Each carries Plate's ownership mark: {@link #INSTALLATION_LABEL}, the id of the config
 * repository it belongs to ({@code ConfigRepository.installationId()}); Plate changes or deletes only objects that
 * carry its own.
 */
public final class ApplicationManifests {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PROJECT_LABEL = "plate.dev/project";
    public static final String ENVIRONMENT_LABEL = "plate.dev/environment";
    public static final String INSTALLATION_LABEL = "plate.dev/installation";
    public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

    private ApplicationManifests() {}

    public static String applicationName(String project, String environment) {
        return project + "-" + environment;
    }

    public static ApplicationResource application(String project, EnvironmentSummary env, String repoUrl,
            String namespace, String installation) {
        var labels = labels(installation, PROJECT_LABEL, project, ENVIRONMENT_LABEL, env.name());
        // The finalizer makes Argo CD delete what the Application deployed before the Application itself goes.
        var metadata = new ResourceMeta(applicationName(project, env.name()), namespace, labels,
                List.of(RESOURCES_FINALIZER));
        // Value files are resolved relative to the chart's directory.
        var helm = new ApplicationResource.Helm(project,
                List.of("../../" + RepoLayout.valuesFile(project, env.name())));
        var source = new ApplicationResource.Source(repoUrl, "main", RepoLayout.chartDir(project), helm);
        var syncPolicy = new ApplicationResource.SyncPolicy(
                env.autoSync() ? new ApplicationResource.Automated(true, true) : null,
                List.of("CreateNamespace=true"));
        var spec = new ApplicationResource.Spec(project, source, Destination.of(env, project), syncPolicy);
        return new ApplicationResource(ArgoCdObject.API_VERSION, ApplicationResource.KIND, metadata, spec);
    }

    /**
     * The project's fence: its Applications may only take sources from the config repository and deploy to
     * its own namespace in each environment's cluster; the only cluster-wide object they may create is that
     * Namespace ({@code CreateNamespace=true}).
     */
    public static AppProjectResource appProject(String project, List<EnvironmentSummary> environments,
            String repoUrl, String namespace, String installation) {
        var metadata = new ResourceMeta(project, namespace, labels(installation, PROJECT_LABEL, project), List.of());
        List<Destination> destinations = environments.stream().map(env -> Destination.of(env, project))
                .distinct().toList();
        var spec = new AppProjectResource.Spec("Plate project " + project, List.of(repoUrl), destinations,
                List.of(new AppProjectResource.GroupKind("", "Namespace")));
        return new AppProjectResource(ArgoCdObject.API_VERSION, AppProjectResource.KIND, metadata, spec);
    }

    private static Map<String, String> labels(String installation, String... more) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(MANAGED_BY, "plate");
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        labels.put(INSTALLATION_LABEL, installation);
        return labels;
    }
}
