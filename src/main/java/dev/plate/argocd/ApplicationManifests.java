package dev.plate.argocd;

import static dev.plate.base.OrderedYaml.map;

import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.RepoLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD objects for a project, as data (a YAML library writes them): one {@code Application} per
 * environment, committed next to its values so a cluster can be rebuilt from the repository alone.
 */
public final class ApplicationManifests {

    public static final String ARGOCD_NAMESPACE = "argocd";

    private ApplicationManifests() {}

    public static String applicationName(String project, String environment) {
        return project + "-" + environment;
    }

    public static Map<String, Object> application(String project, EnvironmentSummary env, String repoUrl) {
        var labels = map("app.kubernetes.io/managed-by", "plate", "plate.dev/project", project,
                "plate.dev/environment", env.name());
        var metadata = map("name", applicationName(project, env.name()), "namespace", ARGOCD_NAMESPACE,
                "labels", labels, "finalizers", List.of("resources-finalizer.argocd.argoproj.io"));
        // Value files are resolved relative to the chart's directory.
        var helm = map("releaseName", project, "valueFiles",
                List.of("../../" + RepoLayout.valuesFile(project, env.name())));
        var source = map("repoURL", repoUrl, "targetRevision", "main", "path", RepoLayout.chartDir(project),
                "helm", helm);
        var destination = map("server", env.clusterServer(), "namespace", env.namespaceFor(project));
        var syncPolicy = new LinkedHashMap<String, Object>();
        if (env.autoSync()) {
            syncPolicy.put("automated", map("prune", true, "selfHeal", true));
        }
        syncPolicy.put("syncOptions", List.of("CreateNamespace=true"));
        var spec = map("project", project, "source", source, "destination", destination, "syncPolicy", syncPolicy);
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application", "metadata", metadata, "spec", spec);
    }
}
