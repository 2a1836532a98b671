package dev.plate.recovery.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.OrderedYaml;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.ChartDependency;
import dev.plate.chart.ValuesReader;
import dev.plate.deployment.ClusterDelivery;
import dev.plate.deployment.RecordedConfigs;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.environment.NewEnvironment;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentHistory;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentState;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import dev.plate.recovery.RepositoryRecovery;
import dev.plate.security.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reads everything at one commit of the config repository and writes the rows, in one transaction: a file that
 * cannot be read back refuses the whole recovery, so a half-recovered database never exists. The deployment
 * history comes back too, from the commits of each values file ({@link HistoryFromGit}), with the ids their
 * trailers name, so rollback works as before and old links keep their meaning; of a project removed and imported
 * again, only what came after the removal, as in the lost database. The Argo CD Applications are
 * (re)applied after the commit, as after an import; their committed application.yaml files say the same as what
 * Plate writes.
 */
@Service
@Transactional
class GitRecovery implements RepositoryRecovery {

    private static final String PROJECT_FILE = "project.yaml";


    private final ConfigRepository repository;
    private final StartupCheck startup;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final RecordedConfigs configs;
    private final DeploymentHistory deployments;
    private final ClusterDelivery delivery;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;
    private final HistoryFromGit historyFromGit;

    GitRecovery(ConfigRepository repository, StartupCheck startup, ProjectService projects,
            EnvironmentService environments, RecordedConfigs configs, DeploymentHistory deployments, ClusterDelivery delivery, CurrentUser user,
            AuditLog audit, Clock clock, HistoryFromGit historyFromGit) {
        this.repository = repository;
        this.startup = startup;
        this.projects = projects;
        this.environments = environments;
        this.configs = configs;
        this.deployments = deployments;
        this.delivery = delivery;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
        this.historyFromGit = historyFromGit;
    }

    @Override
    public Report recover() {
        startup.requireDone(); // the ids it continues after are settled by then
        String actor = user.name();
        environments.lockAll();
        if (!projects.list().isEmpty()) {
            throw new ValidationException("projects", "Recovery fills an empty database, and this one has "
                    + projects.list().size() + " project(s). Restore into a fresh database, or use the backup.");
        }
        String revision = repository.head();
        var created = recoverEnvironments();
        var byName = new java.util.HashMap<String, EnvironmentSummary>();
        environments.list().forEach(env -> byName.put(env.name(), env));
        var history = historyFromGit.read();
        // A removed project's ids stay reserved: an old link to one must name nothing, not a deployment of another.
        var ids = new HistoryIds(java.util.stream.Stream.concat(history.changes().stream()
                .flatMap(change -> change.id().stream()), history.removedIds().stream()).toList());
        var recovered = new ArrayList<String>();
        int count = 0;
        int historyRows = 0;
        for (String app : repository.children("applications")) {
            var envDirs = repository.children("applications/" + app).stream()
                    .filter(name -> repository.read(RepoLayout.valuesFile(app, name)).isPresent()).toList();
            if (envDirs.isEmpty()) {
                continue;
            }
            for (String env : envDirs) {
                if (!byName.containsKey(env)) {
                    throw new ValidationException("environments", app + " is configured for " + env + ", which has no "
                            + "environments/" + env + ".yaml in the repository.");
                }
            }
            var project = projects.create(newProject(app, envDirs.getFirst()), actor);
            var appEnvs = new ArrayList<EnvironmentSummary>();
            for (String env : envDirs) {
                var environment = byName.get(env);
                var config = ValuesReader.read(project.chart(), file(RepoLayout.valuesFile(app, env)));
                configs.add(project.id(), environment.id(), config, revision);
                var changes = history.changes().stream()
                        .filter(change -> change.project().equals(app) && change.environment().equals(env)).toList();
                historyRows += writeHistory(project, environment, changes, ids, actor, config, revision);
                appEnvs.add(environment);
                count++;
            }
            appEnvs.sort(Comparator.comparingInt(EnvironmentSummary::position));
            delivery.projectChanged(project.name(), appEnvs);
            recovered.add(app);
        }
        deployments.continueIdsAfter(Math.max(history.highestIdIssued(), ids.highest()) + HistoryIds.UNRECORDED_ID_MARGIN);
        audit.record(actor, "system.recovered", "repository:" + revision, recovered.size() + " project(s), "
                + count + " configuration(s), " + historyRows + " deployment(s) of history"
                + (created.isEmpty() ? "" : ", environments created " + created));
        return new Report(revision, recovered, created, count);
    }

    /**
     * One environment's deployments as the repository records them, with their ids. The newest waits for Argo
     * CD's report like any deployment; the older ones were replaced by it (what Argo CD made of them was not kept).
     * Returns how many were written.
     */
    private int writeHistory(ProjectSummary project, EnvironmentSummary env, List<HistoryFromGit.Change> changes,
            HistoryIds ids, String actor, AppConfig current, String revision) {
        var readable = new ArrayList<HistoryFromGit.Change>();
        var configsRead = new ArrayList<AppConfig>();
        for (var change : changes) {
            try {
                configsRead.add(ValuesReader.read(project.chart(), repository.readAt(change.commit().sha(),
                        change.path()).orElseThrow()));
                readable.add(change);
            } catch (ValidationException | java.util.NoSuchElementException e) {
                // an old file this version cannot read back: that step of history is left out
            }
        }
        if (readable.isEmpty()) {
            deployments.restore(ids.take(Optional.empty()), new DeploymentHistory.Restored(project.id(), env.id(),
                    DeploymentKind.RECOVER, DeploymentState.COMMITTED, actor, clock.instant(), current, revision,
                    revision, "recovered from the config repository at " + revision.substring(0,
                            Math.min(8, revision.length())), Optional.empty(), null));
            return 1;
        }
        for (int i = 0; i < readable.size(); i++) {
            var change = readable.get(i);
            var config = configsRead.get(i);
            boolean newest = i == readable.size() - 1;
            deployments.restore(ids.take(change.id()), new DeploymentHistory.Restored(project.id(), env.id(), change.kind(),
                    newest ? DeploymentState.COMMITTED : DeploymentState.SUPERSEDED, change.commit().author(),
                    change.commit().time(), config, change.commit().parentSha(), change.commit().sha(),
                    change.summary(), newest ? Optional.empty() : Optional.of(readable.get(i + 1).commit().time()),
                    newest ? null : "Recovered from the config repository; what Argo CD made of it was not kept."));
        }
        return readable.size();
    }

    /** Environments described in the repository and missing here are created, in the repository's order. */
    private List<String> recoverEnvironments() {
        var described = new ArrayList<JsonNode>();
        for (String file : repository.children("environments")) {
            if (file.endsWith(".yaml")) {
                described.add(yaml("environments/" + file));
            }
        }
        described.sort(Comparator.comparingInt(node -> node.path("position").asInt()));
        var created = new ArrayList<String>();
        String previous = "";
        for (JsonNode env : described) {
            String name = env.path("name").asString("");
            var settings = new dev.plate.environment.EnvironmentSettings(env.path("clusterServer").asString(""),
                    env.path("namespacePattern").asString(""), env.path("autoSync").asBoolean(false),
                    env.path("protected").asBoolean(false), approvals(name, env.path("approvals")));
            if (environments.find(name).isEmpty()) {
                environments.create(new NewEnvironment(name, previous, settings.clusterServer(),
                        settings.namespacePattern(), settings.autoSync(), settings.protectedEnvironment()));
                created.add(name);
            }
            // An environment this database starts with (dev, staging, prod) takes what Git says too: its protection
            // and approvals above all, which a lost database must not quietly drop.
            if (!dev.plate.environment.EnvironmentSettings.of(environments.find(name).orElseThrow()).equals(settings)) {
                environments.update(name, settings);
            }
            previous = name;
        }
        return created;
    }

    private static dev.plate.environment.ApprovalPolicy approvals(String env, JsonNode described) {
        if (described.path("required").asInt(0) <= 0) {
            return dev.plate.environment.ApprovalPolicy.NONE;
        }
        try {
            return new dev.plate.environment.ApprovalPolicy(described.path("required").asInt(),
                    dev.plate.security.Role.valueOf(described.path("approverRole").asString("MAINTAINER")),
                    described.path("teamOnly").asBoolean(false), described.path("requesterMayApprove").asBoolean(false),
                    java.time.Duration.ofMinutes(described.path("expiryMinutes").asLong(1440))).validated();
        } catch (IllegalArgumentException | ValidationException e) {
            throw new ValidationException("environments", "environments/" + env + ".yaml has approvals Plate cannot "
                    + "use (" + e.getMessage() + "): fix the file, then recover again.");
        }
    }

    /** From project.yaml; for a repository written before it existed, from the values and the chart. */
    private NewProject newProject(String app, String firstEnv) {
        Optional<byte[]> described = repository.read(RepoLayout.projectFile(app));
        var dependencies = new ArrayList<ChartDependency>();
        JsonNode source = described.isPresent() ? yaml(RepoLayout.projectFile(app))
                : yaml(RepoLayout.chartDir(app) + "/Chart.yaml");
        source.path("dependencies").forEach(d -> dependencies.add(new ChartDependency(d.path("name").asString(""),
                d.path("repository").asString(""), d.path("version").asString(""))));
        if (described.isPresent()) {
            var owners = new ArrayList<String>();
            source.path("owners").forEach(o -> owners.add(o.asString("")));
            return new NewProject(app, source.path("sourceRepoUrl").asString(""),
                    source.path("imageRepository").asString(""), source.path("containerPort").asInt(8080),
                    source.path("healthPath").asString("/"), owners, dependencies,
                    Optional.of(source.path("team").asString("")));
        }
        byte[] values = file(RepoLayout.valuesFile(app, firstEnv));
        var chart = ValuesReader.project(app, values, dependencies);
        return new NewProject(app, "", chart.imageRepository(), chart.containerPort(),
                ValuesReader.read(chart, values).probes().path(), List.of(), dependencies);
    }

    private byte[] file(String path) {
        return repository.read(path).orElseThrow(() -> new ValidationException("repository", path
                + " is missing from the config repository."));
    }

    private JsonNode yaml(String path) {
        try {
            return OrderedYaml.MAPPER.readTree(file(path));
        } catch (tools.jackson.core.JacksonException e) {
            throw new ValidationException("repository", path + " is not valid YAML: " + e.getOriginalMessage());
        }
    }
}
