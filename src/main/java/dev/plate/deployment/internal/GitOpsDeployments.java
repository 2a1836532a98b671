package dev.plate.deployment.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigRules;
import dev.plate.chart.KubernetesNames;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentKind;
import dev.plate.deployment.DeploymentRecord;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.ImportResult;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import and deploy as Git commits. Each runs in one database transaction around its commit: a refused or
 * failed commit rolls the rows back, so nothing is half-written; the row lock on the app's configuration
 * keeps concurrent deploys of one app in order.
 */
@Service
@Transactional
class GitOpsDeployments implements DeploymentService {

    private final ProjectService projects;
    private final EnvironmentService environments;
    private final ConfigFiles files;
    private final ConfigRepository repository;
    private final AppConfigRepository configs;
    private final DeploymentRepository deployments;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    GitOpsDeployments(ProjectService projects, EnvironmentService environments, ConfigFiles files,
            ConfigRepository repository, AppConfigRepository configs, DeploymentRepository deployments,
            Actors actors, AuditLog audit, Clock clock) {
        this.projects = projects;
        this.environments = environments;
        this.files = files;
        this.repository = repository;
        this.configs = configs;
        this.deployments = deployments;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ImportResult importProject(ImportRequest request) {
        String actor = actors.current();
        String tag = KubernetesNames.imageTag("initialImageTag", request.initialImageTag());
        KubernetesNames.httpPath("healthPath", request.project().healthPath());
        ProjectSummary project = projects.create(request.project(), actor);
        List<EnvironmentSummary> envs = environments.list();
        AppConfig initial = AppConfigRules.validate(AppConfig.initial(tag, project.healthPath()));
        var changed = new LinkedHashMap<>(files.chart(project, tag));
        envs.forEach(env -> changed.putAll(files.environment(project, env, initial, repository.cloneUrl())));
        List<String> names = envs.stream().map(EnvironmentSummary::name).toList();
        var commit = repository.commit(ChangeSet.writing("import " + project.name() + " (" + String.join(", ", names)
                + "): image " + tag, actors.author(actor), changed));
        String json = AppConfigJson.write(initial);
        for (var env : envs) {
            configs.save(new AppConfigEntity(project.id(), env.id(), json, commit.sha(), clock.instant()));
            deployments.save(new DeploymentEntity(project.id(), env.id(), DeploymentKind.IMPORT, actor,
                    clock.instant(), tag, commit.previousSha(), commit.sha(), json, "imported with image " + tag));
        }
        audit.record(actor, "project.imported", "project:" + project.name(),
                "environments " + names + ", image " + tag + ", commit " + commit.sha());
        return new ImportResult(project, commit.sha(), repository.cloneUrl(), names);
    }

    @Override
    public DeploymentRecord deploy(DeployRequest request) {
        String actor = actors.current();
        ProjectSummary project = project(request.project());
        EnvironmentSummary env = environment(request.environment());
        requireMayDeployTo(env);
        var row = configs.lockFor(project.id(), env.id()).orElseThrow(() -> new NotFoundException(
                "Project " + project.name() + " has no configuration for " + env.name() + "."));
        AppConfig current = AppConfigJson.read(row.configJson());
        AppConfig next = request.config().orElse(current);
        if (request.imageTag().isPresent()) {
            next = next.withImageTag(KubernetesNames.imageTag("imageTag", request.imageTag().get()));
        }
        AppConfigRules.validate(next);
        if (next.equals(current)) {
            throw new ValidationException("imageTag", project.name() + " in " + env.name()
                    + " already runs this image and configuration: nothing to deploy.");
        }
        String summary = ChangeSummary.of(current, next);
        var commit = repository.commit(ChangeSet.writing("deploy " + project.name() + " to " + env.name() + ": "
                + summary, actors.author(actor), Map.of(RepoLayout.valuesFile(project.name(), env.name()),
                files.values(project, next))));
        String json = AppConfigJson.write(next);
        row.update(json, commit.sha(), clock.instant());
        var saved = deployments.save(new DeploymentEntity(project.id(), env.id(), DeploymentKind.DEPLOY, actor,
                clock.instant(), next.imageTag(), commit.previousSha(), commit.sha(), json, summary));
        audit.record(actor, "deployment.deploy", "project:" + project.name() + "/" + env.name(),
                summary + ", commit " + commit.sha());
        return toRecord(saved, project, env);
    }

    @Override
    @Transactional(readOnly = true)
    public AppConfig currentConfig(String projectName, String environmentName) {
        ProjectSummary project = project(projectName);
        EnvironmentSummary env = environment(environmentName);
        return configs.findByProjectIdAndEnvironmentId(project.id(), env.id())
                .map(row -> AppConfigJson.read(row.configJson()))
                .orElseThrow(() -> new NotFoundException(project.name() + " is not configured for " + env.name() + "."));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeploymentRecord> history(String projectName, String environmentName) {
        ProjectSummary project = project(projectName);
        EnvironmentSummary env = environment(environmentName);
        return deployments.findByProjectIdAndEnvironmentIdOrderByIdDesc(project.id(), env.id()).stream()
                .map(row -> toRecord(row, project, env)).toList();
    }

    private void requireMayDeployTo(EnvironmentSummary env) {
        if (env.protectedEnvironment() && !actors.hasRole("MAINTAINER")) {
            throw new AccessDeniedException(env.name() + " is a protected environment: deploying to it needs the "
                    + "MAINTAINER role.");
        }
    }

    private ProjectSummary project(String name) {
        return projects.find(name == null ? "" : name)
                .orElseThrow(() -> new NotFoundException("There is no project named '" + name + "'."));
    }

    private EnvironmentSummary environment(String name) {
        return environments.find(name == null ? "" : name)
                .orElseThrow(() -> new NotFoundException("There is no environment named '" + name + "'."));
    }

    private static DeploymentRecord toRecord(DeploymentEntity row, ProjectSummary project, EnvironmentSummary env) {
        return new DeploymentRecord(row.id(), project.name(), env.name(), row.kind(), row.state(), row.requestedBy(),
                row.requestedAt(), row.imageTag(), row.fromRevision(), row.toRevision(), row.summary(),
                AppConfigJson.read(row.configJson()));
    }
}
