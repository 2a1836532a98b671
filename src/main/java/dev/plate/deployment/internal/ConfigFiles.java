package dev.plate.deployment.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ArgoCd;
import dev.plate.base.OrderedYaml;
import dev.plate.chart.AppConfig;
import dev.plate.chart.ChartGenerator;
import dev.plate.chart.ValuesWriter;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.ProjectSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The files of the config repository for a project, each produced from data. */
@Component
class ConfigFiles {

    private final ChartGenerator charts;
    private final ValuesWriter values;
    private final ArgoCd argoCd;
    private final dev.plate.gitops.ConfigRepository repository;

    ConfigFiles(ChartGenerator charts, ValuesWriter values, ArgoCd argoCd, dev.plate.gitops.ConfigRepository repository) {
        this.charts = charts;
        this.values = values;
        this.argoCd = argoCd;
        this.repository = repository;
    }

    Map<String, byte[]> chart(ProjectSummary project, String appVersion) {
        var files = new LinkedHashMap<String, byte[]>();
        files.put(RepoLayout.projectFile(project.name()), describe(project));
        charts.chart(project.chart(), appVersion)
                .forEach((path, content) -> files.put(RepoLayout.chartDir(project.name()) + "/" + path, content));
        return files;
    }

    Map<String, byte[]> environment(ProjectSummary project, EnvironmentSummary env, AppConfig config, String repoUrl) {
        var files = new LinkedHashMap<String, byte[]>();
        files.put(RepoLayout.valuesFile(project.name(), env.name()), values.write(project.chart(), config));
        files.put(RepoLayout.applicationFile(project.name(), env.name()), application(project.name(), env, repoUrl));
        files.put(RepoLayout.environmentFile(env.name()), describe(env));
        return files;
    }

    /** {@code applications/<app>/<env>/application.yaml}: the Argo CD Application, to rebuild a cluster from Git. */
    byte[] application(String project, EnvironmentSummary env, String repoUrl) {
        return OrderedYaml.write(ApplicationManifests.application(project, env, repoUrl, argoCd.namespace(),
                repository.installationId()));
    }

    byte[] values(ProjectSummary project, AppConfig config) {
        return values.write(project.chart(), config);
    }

    /** The project as Plate records it, so the database can be rebuilt from the repository alone. */
    byte[] describe(ProjectSummary project) {
        var description = new LinkedHashMap<String, Object>();
        description.put("name", project.name());
        description.put("sourceRepoUrl", project.sourceRepoUrl().orElse(""));
        description.put("imageRepository", project.imageRepository());
        description.put("containerPort", project.containerPort());
        description.put("healthPath", project.healthPath());
        description.put("owners", project.owners());
        project.team().ifPresent(team -> description.put("team", team));
        description.put("dependencies", project.dependencies().stream().map(d -> OrderedYaml.map("name", d.name(),
                "repository", d.repository(), "version", d.version())).toList());
        return OrderedYaml.write(description);
    }

    byte[] describe(EnvironmentSummary env) {
        var description = new LinkedHashMap<String, Object>();
        description.put("name", env.name());
        description.put("position", env.position());
        description.put("clusterServer", env.clusterServer());
        description.put("namespacePattern", env.namespacePattern());
        description.put("autoSync", env.autoSync());
        description.put("protected", env.protectedEnvironment());
        if (env.approvals().applies()) {
            var approvals = env.approvals();
            description.put("approvals", OrderedYaml.map("required", approvals.required(), "approverRole",
                    approvals.approverRole().name(), "teamOnly", approvals.teamOnly(), "requesterMayApprove",
                    approvals.requesterMayApprove(), "expiryMinutes", approvals.expiry().toMinutes()));
        }
        return OrderedYaml.write(description);
    }
}
