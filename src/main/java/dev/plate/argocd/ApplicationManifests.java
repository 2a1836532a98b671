package dev.plate.argocd;

import static dev.plate.base.OrderedYaml.map;

import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.RepoLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD objects for a project, as data (a YAML library or the Kubernetes client writes them): one
 * {@code AppProject} per project and one {@code Application} per environment. The Applications are also
 * committed next to their values, so a cluster can be rebuilt from the repository alone.
 */
public final class ApplicationManifests {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PROJECT_LABEL = "plate.dev/project";
    public static final String ENVIRONMENT_LABEL = "plate.dev/environment";
    public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

    private ApplicationManifests() {}

    public static String applicationName(String project, String environment) {
        return project + "-" + environment;
    }

    public static Map<String, Object> application(String project, EnvironmentSummary env, String repoUrl,
            String namespace) {
        var labels = map(MANAGED_BY, "plate", PROJECT_LABEL, project, ENVIRONMENT_LABEL, env.name());
        // The finalizer makes Argo CD delete what the Application deployed before the Application itself goes.
        var metadata = map("name", applicationName(project, env.name()), "namespace", namespace,
                "labels", labels, "finalizers", List.of(RESOURCES_FINALIZER));
        // Value files are resolved relative to the chart's directory.
        var helm = map("releaseName", project, "valueFiles",
                List.of("../../" + RepoLayout.valuesFile(project, env.name())));
        var source = map("repoURL", repoUrl, "targetRevision", "main", "path", RepoLayout.chartDir(project),
                "helm", helm);
        var destination = env.destination(project);
        var syncPolicy = new LinkedHashMap<String, Object>();
        if (env.autoSync()) {
            syncPolicy.put("automated", map("prune", true, "selfHeal", true));
        }
        syncPolicy.put("syncOptions", List.of("CreateNamespace=true"));
        var spec = map("project", project, "source", source, "destination", destination, "syncPolicy", syncPolicy);
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application", "metadata", metadata, "spec", spec);
    }

    /**
     * The project's fence: its Applications may only take sources from the config repository and deploy to
     * its own namespace in each environment's cluster; the only cluster-wide object they may create is that
     * Namespace ({@code CreateNamespace=true}).
     */
    public static Map<String, Object> appProject(String project, List<EnvironmentSummary> environments,
            String repoUrl, String namespace) {
        var labels = map(MANAGED_BY, "plate", PROJECT_LABEL, project);
        var metadata = map("name", project, "namespace", namespace, "labels", labels);
        List<Object> destinations = environments.stream()
                .map(env -> (Object) env.destination(project))
                .distinct().toList();
        var spec = map("description", "Plate project " + project, "sourceRepos", List.of(repoUrl),
                "destinations", destinations,
                "clusterResourceWhitelist", List.of(map("group", "", "kind", "Namespace")));
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "AppProject", "metadata", metadata, "spec", spec);
    }
}
