package dev.plate.deployment.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigJson;
import dev.plate.chart.AppConfigRules;
import dev.plate.chart.KubernetesNames;
import dev.plate.chart.ValueChanges;
import dev.plate.deployment.ChangePreview;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.DeploymentTrailers;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.ImportResult;
import dev.plate.deployment.PromoteRequest;
import dev.plate.deployment.RollbackRequest;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentHistory;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectService;
import dev.plate.security.Role;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import, deploy, promote and rollback as Git commits. Each runs in one database transaction around its commit: a refused or
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
    private final TransactionalCommits commits;
    private final ConfigChanges changes;
    private final AppConfigRepository configs;
    private final DeploymentHistory history;
    private final Actors actors;
    private final AuditLog audit;
    private final dev.plate.deployment.ClusterDelivery delivery;
    private final Clock clock;
    private final ValuesInGit valuesInGit;
    private final dev.plate.teams.TeamAccess access;

    GitOpsDeployments(ValuesInGit valuesInGit, ProjectService projects, EnvironmentService environments, ConfigFiles files,
            ConfigRepository repository, TransactionalCommits commits, ConfigChanges changes,
            AppConfigRepository configs, DeploymentHistory history, Actors actors, AuditLog audit,
            dev.plate.deployment.ClusterDelivery delivery, Clock clock, dev.plate.teams.TeamAccess access) {
        this.access = access;
        this.valuesInGit = valuesInGit;
        this.delivery = delivery;
        this.projects = projects;
        this.environments = environments;
        this.files = files;
        this.repository = repository;
        this.commits = commits;
        this.changes = changes;
        this.configs = configs;
        this.history = history;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ImportResult importProject(ImportRequest request) {
        commits.requireReady();
        String actor = actors.current();
        requireMayImport(request.project().team());
        String tag = KubernetesNames.imageTag("initialImageTag", request.initialImageTag());
        KubernetesNames.httpPath("healthPath", request.project().healthPath());
        AppConfigRules.helmVersions(request.project().dependencies());
        List<EnvironmentSummary> envs = environments.lockAll();
        ProjectSummary project = projects.create(request.project(), actor);
        requireNoForeignObjects(project.name(), envs);
        Placements.check(projects.list(), envs, pair -> pair.project().id() == project.id(), "name");
        AppConfig initial = AppConfigRules.validate(project.chart(), AppConfig.initial(tag, project.healthPath()));
        var changed = new LinkedHashMap<>(files.chart(project, tag));
        envs.forEach(env -> changed.putAll(files.environment(project, env, initial, repository.cloneUrl())));
        List<String> names = envs.stream().map(EnvironmentSummary::name).toList();
        String json = AppConfigJson.write(initial);
        var ids = new LinkedHashMap<String, Long>();
        for (var env : envs) {
            ids.put(env.name(), history.record(new DeploymentHistory.NewDeployment(project.id(), env.id(),
                    DeploymentKind.IMPORT, actor, clock.instant(), initial, "", DeploymentHistory.NOT_YET_COMMITTED,
                    "imported with image " + tag)));
        }
        var commit = commits.commit(ChangeSet.writing(DeploymentTrailers.append("import " + project.name() + " ("
                + String.join(", ", names) + "): image " + tag, ids), actors.author(actor), changed));
        ids.values().forEach(id -> history.committed(id, commit.previousSha(), commit.sha()));
        for (var env : envs) {
            configs.save(new AppConfigEntity(project.id(), env.id(), json, commit.sha(), clock.instant()));
        }
        audit.record(actor, "project.imported", "project:" + project.name(),
                "environments " + names + ", image " + tag + ", commit " + commit.sha());
        delivery.projectChanged(project.name(), envs);
        return new ImportResult(project, commit.sha(), repository.cloneUrl(), names);
    }

    /** One action, planned: which environment, how its configuration changes, and how the commit names it. */
    private record Plan(ProjectSummary project, EnvironmentSummary env, DeploymentKind kind,
            java.util.function.UnaryOperator<AppConfig> change, String description) {}

    @Override
    public DeploymentRecord deploy(DeployRequest request) {
        return apply(plan(request));
    }

    @Override
    public DeploymentRecord promote(PromoteRequest request) {
        return apply(plan(request));
    }

    @Override
    public DeploymentRecord rollback(RollbackRequest request) {
        return apply(plan(request));
    }

    @Override
    @Transactional(readOnly = true)
    public ChangePreview preview(DeployRequest request) {
        return preview(plan(request));
    }

    @Override
    @Transactional(readOnly = true)
    public ChangePreview preview(PromoteRequest request) {
        return preview(plan(request));
    }

    @Override
    @Transactional(readOnly = true)
    public ChangePreview preview(RollbackRequest request) {
        return preview(plan(request));
    }

    @Override
    @Transactional(readOnly = true)
    public dev.plate.deployment.PlannedChange plan(dev.plate.deployment.ChangeRequest request) {
        Plan plan = switch (request) {
            case DeployRequest deploy -> plan(deploy);
            case PromoteRequest promote -> plan(promote);
            case RollbackRequest rollback -> plan(rollback);
        };
        if (!plan.env().approvals().applies()) {
            throw new ValidationException("environment", plan.env().name() + " does not wait for approvals: the change "
                    + "is made at once, not requested.");
        }
        var worked = changes.preview(plan.project(), plan.env(), plan.kind(), plan.change(), plan.description());
        if (!worked.preview().changes() || worked.preview().files().isEmpty()) {
            throw new ValidationException("imageTag", plan.project().name() + " in " + plan.env().name()
                    + " already runs this image and configuration: nothing to request.");
        }
        return new dev.plate.deployment.PlannedChange(plan.project().name(), plan.env().name(), plan.kind(),
                plan.description(), worked.preview(), AppConfigJson.write(worked.next()));
    }

    @Override
    public java.util.Optional<DeploymentRecord> commitPlanned(dev.plate.deployment.PlannedChange change,
            String requester, String approval) {
        ProjectSummary project = project(change.project());
        EnvironmentSummary env = environment(change.environment());
        AppConfig planned = AppConfigJson.read(change.configJson());
        return changes.apply(project, env, change.kind(), current -> planned, change.description(),
                new ConfigChanges.Approved(requester, change.plannedAgainst(), change.planned(), approval));
    }

    private DeploymentRecord apply(Plan plan) {
        if (plan.env().approvals().applies()) {
            throw new dev.plate.deployment.ApprovalRequiredException("Changes to " + plan.env().name() + " wait for "
                    + plan.env().approvals().describe() + ": request this one, and it is committed once approved "
                    + "(the dashboard's dialogs, plate deploy and POST /api/v1/deploy do).");
        }
        return changes.apply(plan.project(), plan.env(), plan.kind(), plan.change(), plan.description());
    }

    private ChangePreview preview(Plan plan) {
        return changes.preview(plan.project(), plan.env(), plan.kind(), plan.change(), plan.description()).preview();
    }

    private Plan plan(DeployRequest request) {
        ProjectSummary project = project(request.project());
        EnvironmentSummary env = environment(request.environment());
        requireMayDeploy(project, env, "deploying");
        String tag = request.imageTag().map(t -> KubernetesNames.imageTag("imageTag", t)).orElse(null);
        return new Plan(project, env, DeploymentKind.DEPLOY, current -> {
            AppConfig next = request.config().orElse(current);
            // Under the row lock: value changes read the configuration that is current now, not when sent.
            if (!request.set().isEmpty() || !request.unset().isEmpty()) {
                next = ValueChanges.apply(next, request.set(), request.unset());
            }
            return tag == null ? next : next.withImageTag(tag);
        }, "to " + env.name());
    }

    private Plan plan(PromoteRequest request) {
        ProjectSummary project = project(request.project());
        EnvironmentSummary from = environment(request.from());
        EnvironmentSummary to = environment(request.to());
        var order = environments.list();
        int next = order.indexOf(from) + 1;
        if (next >= order.size() || !order.get(next).equals(to)) {
            throw new ValidationException("to", "Promotion goes one step along " + order.stream()
                    .map(EnvironmentSummary::name).toList() + ": " + from.name() + " promotes to "
                    + (next < order.size() ? order.get(next).name() : "nothing (it is the last)") + ", not " + to.name() + ".");
        }
        access.require(project.team(), needed(to, Role.MAINTAINER), "promoting " + project.name() + " to "
                + to.name());
        AppConfig source = currentConfig(project, from);
        // With the configuration comes everything but the ingress: its host and certificate are the target's own.
        return new Plan(project, to, DeploymentKind.PROMOTE,
                current -> request.includeConfig() ? source.withIngress(current.ingress())
                        : current.withImageTag(source.imageTag()),
                "from " + from.name() + " to " + to.name());
    }

    private Plan plan(RollbackRequest request) {
        ProjectSummary project = project(request.project());
        EnvironmentSummary env = environment(request.environment());
        access.require(project.team(), needed(env, Role.MAINTAINER), "rolling back " + project.name() + " in "
                + env.name());
        AppConfig current = currentConfig(project, env);
        var deployments = history.of(project, env);
        var target = request.toDeployment()
                .map(id -> deployments.stream().filter(d -> d.id() == id).findFirst()
                        .orElseThrow(() -> new NotFoundException("Deployment #" + id + " is not a deployment of "
                                + project.name() + " to " + env.name() + ".")))
                .orElseGet(() -> deployments.stream().filter(d -> !d.config().equals(current))
                        .findFirst().orElseThrow(() -> new ValidationException("toDeployment", project.name()
                                + " in " + env.name() + " has no earlier, different deployment to roll back to.")));
        AppConfig restored = target.config();
        return new Plan(project, env, DeploymentKind.ROLLBACK, unused -> restored,
                "in " + env.name() + " to deployment #" + target.id());
    }

    @Override
    public DeploymentRecord retry(String projectName, String environmentName) {
        commits.requireReady();
        ProjectSummary project = project(projectName);
        EnvironmentSummary env = environment(environmentName);
        // A retry is no change to ask for: the environment's protection alone decides.
        access.require(project.team(), env.protectedEnvironment() ? Role.MAINTAINER : Role.DEVELOPER, "retrying "
                + project.name() + " in " + env.name() + (env.protectedEnvironment() ? " (a protected environment)"
                : ""));
        String actor = actors.current();
        var row = configs.lockFor(project.id(), env.id()).orElseThrow(() -> new NotFoundException(project.name()
                + " is not configured for " + env.name() + "."));
        var last = history.of(project, env).stream().findFirst().orElseThrow(() -> new NotFoundException(project.name() + " has no deployment in "
                        + env.name() + " to retry."));
        if (last.state() != dev.plate.history.DeploymentState.FAILED
                && last.state() != dev.plate.history.DeploymentState.TIMED_OUT) {
            throw new dev.plate.base.ConflictException("environment", "The last deployment of " + project.name()
                    + " to " + env.name() + " (#" + last.id() + ") is " + last.state().name().toLowerCase(
                            java.util.Locale.ROOT).replace('_', ' ') + ": only a failed or timed-out one is retried. "
                    + "Deploy a change instead.");
        }
        long retried = history.record(new DeploymentHistory.NewDeployment(project.id(), env.id(),
                DeploymentKind.RETRY, actor, clock.instant(), AppConfigJson.read(row.configJson()), row.revision(),
                row.revision(), "retry of #" + last.id() + ": " + last.summary()));
        audit.record(actor, "deployment.retry", "project:" + project.name() + "/" + env.name(), "#" + retried
                + " retries #" + last.id() + " (" + last.state().name().toLowerCase(java.util.Locale.ROOT)
                + "), revision " + row.revision());
        if (delivery.changeCommitted(retried, project.name(), env, actor, row.revision())) {
            history.awaitingDelivery(retried);
        }
        return history.get(retried, project, env);
    }

    @Override
    public void deleteProject(String name, String confirmation) {
        commits.requireReady();
        String actor = actors.current();
        ProjectSummary project = project(name);
        access.require(project.team(), Role.MAINTAINER, "removing project " + project.name());
        if (!project.name().equals(confirmation)) {
            throw new ValidationException("confirmation", "Type the project's name, " + project.name()
                    + ", to confirm that it and its configuration in every environment are removed.");
        }
        var envs = environments.lockAll();
        projects.delete(project.name());
        var commit = commits.commit(new ChangeSet("remove " + project.name() + " from "
                + String.join(", ", envs.stream().map(EnvironmentSummary::name).toList()), actors.author(actor),
                java.util.Map.of(), java.util.Set.of(RepoLayout.chartDir(project.name()),
                        "applications/" + project.name())));
        audit.record(actor, "project.removed", "project:" + project.name(), "commit " + commit.sha());
        delivery.projectRemoved(project.name(), actor);
    }

    @Override
    @Transactional(readOnly = true)
    public AppConfig currentConfig(String projectName, String environmentName) {
        ProjectSummary project = project(projectName);
        EnvironmentSummary env = environment(environmentName);
        return currentConfig(project, env);
    }

    /** As the values file in Git says (an edit made outside Plate included): what Argo CD deploys. */
    private AppConfig currentConfig(ProjectSummary project, EnvironmentSummary env) {
        return configs.findByProjectIdAndEnvironmentId(project.id(), env.id())
                .map(row -> valuesInGit.read(project, env, AppConfigJson.read(row.configJson())).config())
                .orElseThrow(() -> new NotFoundException(project.name() + " is not configured for " + env.name() + "."));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeploymentRecord> history(String projectName, String environmentName) {
        ProjectSummary project = project(projectName);
        EnvironmentSummary env = environment(environmentName);
        return history.of(project, env);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeploymentRecord> latest(java.util.Optional<String> projectName) {
        return history.latest(projectName.map(this::project));
    }

    @Override
    @Transactional(readOnly = true)
    public ChangePreview applied(long id) {
        var record = deployment(id);
        String path = RepoLayout.valuesFile(record.project(), record.environment());
        String before = repository.readAt(record.fromRevision(), path)
                .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
        String after = repository.readAt(record.toRevision(), path)
                .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
        var diff = dev.plate.gitops.TextDiff.of(before, after, 3);
        return new ChangePreview(record.project(), record.environment(), !diff.isEmpty(), record.kind().name()
                .toLowerCase(java.util.Locale.ROOT) + " " + record.project() + ": " + record.summary(), diff.isEmpty()
                ? List.of() : List.of(new ChangePreview.FileChange(path, before, after, diff)));
    }

    @Override
    @Transactional(readOnly = true)
    public DeploymentRecord deployment(long id) {
        return history.find(id).orElseThrow(() -> new NotFoundException("There is no deployment #" + id + "."));
    }

    /** Never a takeover: an AppProject or Application of that name that is not this Plate's refuses the import. */
    private void requireNoForeignObjects(String project, List<EnvironmentSummary> envs) {
        var foreign = delivery.foreignObjects(project, envs);
        if (!foreign.isEmpty()) {
            throw new dev.plate.base.ConflictException("name", "Argo CD already has objects of this name that are "
                    + "not this Plate's: " + String.join("; ", foreign) + ". Plate does not take over another "
                    + "owner's objects: choose another name, or have their owner remove them.");
        }
    }

    /** A DEVELOPER of the project's team deploys; to a protected environment only a MAINTAINER of it does. */
    private void requireMayDeploy(ProjectSummary project, EnvironmentSummary env, String doing) {
        Role needed = needed(env, env.protectedEnvironment() ? Role.MAINTAINER : Role.DEVELOPER);
        access.require(project.team(), needed, doing + " " + project.name() + " in " + env.name()
                + (needed == Role.MAINTAINER ? " (a protected environment)" : ""));
    }

    /** Where changes wait for approvals, a DEVELOPER of the team asks: the approvers are the second pair of eyes. */
    private static Role needed(EnvironmentSummary env, Role otherwise) {
        return env.approvals().applies() ? Role.DEVELOPER : otherwise;
    }

    /** Into a team: the team must exist and the importer be one of its developers (or a Plate-wide one). */
    private void requireMayImport(java.util.Optional<String> team) {
        if (team.isPresent() && !access.exists(team.get())) {
            throw new ValidationException("team", "There is no team named '" + team.get() + "': an administrator "
                    + "creates it in Admin → Teams.");
        }
        access.require(team, Role.DEVELOPER, "importing a project" + team.map(name -> " into team " + name)
                .orElse(""));
    }

    private ProjectSummary project(String name) {
        return projects.find(name == null ? "" : name)
                .orElseThrow(() -> new NotFoundException("There is no project named '" + name + "'."));
    }

    private EnvironmentSummary environment(String name) {
        return environments.find(name == null ? "" : name)
                .orElseThrow(() -> new NotFoundException("There is no environment named '" + name + "'."));
    }
}
