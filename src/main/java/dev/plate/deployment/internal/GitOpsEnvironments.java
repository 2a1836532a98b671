package dev.plate.deployment.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigRules;
import dev.plate.chart.AppConfigJson;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.environment.NewEnvironment;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class GitOpsEnvironments implements EnvironmentAdministration {

    private final EnvironmentService environments;
    private final ProjectService projects;
    private final ConfigFiles files;
    private final ConfigRepository repository;
    private final TransactionalCommits commits;
    private final AppConfigRepository configs;
    private final Actors actors;
    private final AuditLog audit;
    private final dev.plate.deployment.ClusterDelivery delivery;
    private final Clock clock;

    GitOpsEnvironments(EnvironmentService environments, ProjectService projects, ConfigFiles files,
            ConfigRepository repository, TransactionalCommits commits, AppConfigRepository configs, Actors actors,
            AuditLog audit, dev.plate.deployment.ClusterDelivery delivery, Clock clock) {
        this.delivery = delivery;
        this.environments = environments;
        this.projects = projects;
        this.files = files;
        this.repository = repository;
        this.commits = commits;
        this.configs = configs;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every project gets the new environment, starting with the image of the environment before it. */
    @Override
    public EnvironmentSummary add(NewEnvironment request) {
        commits.requireReady();
        String actor = actors.current();
        environments.lockAll();
        EnvironmentSummary env = environments.create(request);
        var order = environments.list();
        Placements.check(projects.list(), order, pair -> pair.env().id() == env.id(), "name");
        requireNoForeignObjects(env);
        int index = order.indexOf(env);
        var changed = new LinkedHashMap<>(environmentFiles(order));
        var initial = new LinkedHashMap<Long, AppConfig>();
        // The image it starts with: that of the environment it is promoted from (or, if first, promotes to).
        var source = order.size() == 1 ? null : order.get(index > 0 ? index - 1 : 1);
        for (var project : projects.list()) {
            String tag = source == null ? "latest" : configs.findByProjectIdAndEnvironmentId(project.id(),
                    source.id()).map(row -> AppConfigJson.read(row.configJson()).imageTag()).orElse("latest");
            AppConfig config = AppConfigRules.validate(project.chart(), AppConfig.initial(tag, project.healthPath()));
            initial.put(project.id(), config);
            changed.putAll(files.environment(project, env, config, repository.cloneUrl()));
        }
        var commit = commits.commit(ChangeSet.writing("add environment " + env.name()
                + (index > 0 ? " after " + order.get(index - 1).name() : " first"), actors.author(actor), changed));
        initial.forEach((projectId, config) -> configs.save(new AppConfigEntity(projectId, env.id(),
                AppConfigJson.write(config), commit.sha(), clock.instant())));
        audit.record(actor, "environment.added", "environment:" + env.name(), "position " + env.position()
                + ", " + initial.size() + " projects configured, commit " + commit.sha());
        projects.list().forEach(project -> delivery.projectChanged(project.name(), order));
        return env;
    }

    @Override
    public EnvironmentSummary rename(String name, String newName) {
        commits.requireReady();
        String actor = actors.current();
        environments.lockAll();
        requireNoProjects(environments.find(name), "rename");
        EnvironmentSummary renamed = environments.rename(name, newName);
        var commit = commits.commit(new ChangeSet("rename environment " + name + " to " + renamed.name(),
                actors.author(actor), environmentFiles(environments.list()), Set.of(RepoLayout.environmentFile(name))));
        audit.record(actor, "environment.renamed", "environment:" + renamed.name(),
                name + " -> " + renamed.name() + ", commit " + commit.sha());
        return renamed;
    }

    /**
     * The description and every placed project's Application change in one commit; Argo CD then gets the
     * Applications (destination, sync policy) and AppProjects (destinations) as committed.
     */
    @Override
    public EnvironmentSummary update(String name, dev.plate.environment.EnvironmentSettings settings) {
        commits.requireReady();
        String actor = actors.current();
        environments.lockAll();
        EnvironmentSummary before = environments.find(name)
                .orElseThrow(() -> new dev.plate.base.NotFoundException("There is no environment named '" + name + "'."));
        EnvironmentSummary updated = environments.update(name, settings);
        var order = environments.list();
        var byId = projects.list().stream().collect(java.util.stream.Collectors.toMap(ProjectSummary::id, p -> p));
        var placed = configs.placements().stream().filter(placement -> placement.getEnvironmentId() == updated.id())
                .map(placement -> byId.get(placement.getProjectId())).filter(java.util.Objects::nonNull).toList();
        var changed = new LinkedHashMap<>(environmentFiles(order));
        placed.forEach(project -> changed.put(RepoLayout.applicationFile(project.name(), updated.name()),
                files.application(project.name(), updated, repository.cloneUrl())));
        String what = describeChange(before, updated);
        var commit = commits.commit(ChangeSet.writing("change environment " + updated.name() + ": " + what,
                actors.author(actor), changed));
        audit.record(actor, "environment.changed", "environment:" + updated.name(), what + ", " + placed.size()
                + " projects' Applications, commit " + commit.sha());
        placed.forEach(project -> delivery.projectChanged(project.name(), order));
        return updated;
    }

    private static String describeChange(EnvironmentSummary before, EnvironmentSummary after) {
        var parts = new java.util.ArrayList<String>();
        if (!before.clusterServer().equals(after.clusterServer())) {
            parts.add("cluster " + after.clusterServer());
        }
        if (!before.namespacePattern().equals(after.namespacePattern())) {
            parts.add("namespace " + after.namespacePattern());
        }
        if (before.autoSync() != after.autoSync()) {
            parts.add(after.autoSync() ? "Argo CD syncs automatically" : "synced by Plate on each change");
        }
        if (before.protectedEnvironment() != after.protectedEnvironment()) {
            parts.add(after.protectedEnvironment() ? "protected" : "not protected");
        }
        if (!before.approvals().equals(after.approvals())) {
            parts.add(after.approvals().describe());
        }
        return parts.isEmpty() ? "unchanged" : String.join(", ", parts);
    }

    @Override
    public List<EnvironmentSummary> reorder(List<String> names) {
        commits.requireReady();
        String actor = actors.current();
        environments.lockAll();
        var order = environments.reorder(names);
        String path = String.join(" → ", order.stream().map(EnvironmentSummary::name).toList());
        var commit = commits.commit(ChangeSet.writing("reorder environments: " + path, actors.author(actor),
                environmentFiles(order)));
        audit.record(actor, "environment.reordered", "environments", path + ", commit " + commit.sha());
        return order;
    }

    @Override
    public void remove(String name) {
        commits.requireReady();
        String actor = actors.current();
        environments.lockAll();
        requireNoProjects(environments.find(name), "remove");
        environments.delete(name);
        var commit = commits.commit(new ChangeSet("remove environment " + name, actors.author(actor),
                environmentFiles(environments.list()), Set.of(RepoLayout.environmentFile(name))));
        audit.record(actor, "environment.removed", "environment:" + name, "commit " + commit.sha());
    }

    /** Every project gets an Application here: none of their names may be another owner's already. */
    private void requireNoForeignObjects(EnvironmentSummary env) {
        var foreign = projects.list().stream().flatMap(project -> delivery.foreignObjects(project.name(),
                List.of(env)).stream()).distinct().toList();
        if (!foreign.isEmpty()) {
            throw new dev.plate.base.ConflictException("name", "Argo CD already has objects of the names this "
                    + "environment would give its projects' Applications, and they are not this Plate's: "
                    + String.join("; ", foreign) + ". Choose another name, or have their owner remove them.");
        }
    }

    private void requireNoProjects(Optional<EnvironmentSummary> env, String verb) {
        env.ifPresent(found -> {
            long deployed = configs.countByEnvironmentId(found.id());
            if (deployed > 0) {
                throw new ValidationException("name", "Cannot " + verb + " " + found.name() + ": " + deployed
                        + (deployed == 1 ? " project is" : " projects are") + " deployed there. Remove "
                        + (deployed == 1 ? "it" : "them") + " from the environment first.");
            }
        });
    }

    private Map<String, byte[]> environmentFiles(List<EnvironmentSummary> order) {
        var result = new LinkedHashMap<String, byte[]>();
        order.forEach(env -> result.put(RepoLayout.environmentFile(env.name()), files.describe(env)));
        return result;
    }
}
