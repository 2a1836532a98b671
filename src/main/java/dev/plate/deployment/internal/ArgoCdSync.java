package dev.plate.deployment.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCd.SyncRequest;
import dev.plate.argocd.ArgoCdException;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.leadership.Leadership;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells Argo CD about each change once it is committed to Git and recorded: new or changed Applications,
 * a refresh (and, where the environment does not sync by itself, a sync started as the user), deletions.
 * This runs after the database commit, on one background thread in order: a change Plate accepted is never
 * refused because the cluster is away. Whatever is missed then, the leader's periodic reconcile puts right.
 */
@Component
class ArgoCdSync implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ArgoCdSync.class);

    private final ArgoCd argoCd;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final AppConfigRepository configs;
    private final ConfigRepository repository;
    private final Leadership leadership;
    private final DeploymentOutcomes outcomes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("argocd-writer").factory());

    ArgoCdSync(ArgoCd argoCd, ProjectService projects, EnvironmentService environments, AppConfigRepository configs,
            ConfigRepository repository, Leadership leadership, DeploymentOutcomes outcomes) {
        this.outcomes = outcomes;
        this.argoCd = argoCd;
        this.projects = projects;
        this.environments = environments;
        this.configs = configs;
        this.repository = repository;
        this.leadership = leadership;
    }

    void applyAfterCommit(String project, List<EnvironmentSummary> envs) {
        afterCommit("create or update the Applications of " + project, () -> {
            envs.forEach(env -> outcomes.expect(project, env.name()));
            argoCd.applyProject(project, envs, repository.cloneUrl());
        });
    }

    /** With an environment that does not sync by itself, Plate starts the sync, as the user who deployed. */
    void refreshAfterCommit(String project, EnvironmentSummary env, String actor, String revision) {
        Optional<SyncRequest> sync = env.autoSync() ? Optional.empty() : Optional.of(new SyncRequest(actor, revision));
        afterCommit("refresh " + project + " in " + env.name(), () -> {
            outcomes.expect(project, env.name());
            argoCd.refresh(project, env.name(), sync);
        });
    }

    /** Every Application and AppProject written again (after the config repository moved). */
    void reapplyAll() {
        afterCommit("re-apply every Application", () -> argoCd.reconcile(wanted(), repository.cloneUrl()));
    }

    void removeAfterCommit(String project) {
        afterCommit("delete the Applications of " + project, () -> argoCd.removeProject(project));
    }

    private void afterCommit(String what, Runnable action) {
        if (!argoCd.connected()) {
            return;
        }
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (ArgoCdException e) {
                LOG.warn("Argo CD: {} (the next reconcile retries)", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Argo CD: could not {}", what, e);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.execute(guarded);
                }
            });
        } else {
            worker.execute(guarded);
        }
    }

    /** The leader compares every Application with what Plate wants: drift, deletions by hand, missed writes. */
    @Scheduled(initialDelayString = "${plate.argocd.reconcile-initial-delay:10s}",
            fixedDelayString = "${plate.argocd.reconcile-interval:5m}")
    void reconcile() {
        if (!argoCd.connected() || !leadership.isLeader()) {
            return;
        }
        try {
            var result = argoCd.reconcile(wanted(), repository.cloneUrl());
            if (result.created() + result.updated() + result.deleted() > 0) {
                LOG.info("Reconciled Argo CD: {} created, {} updated, {} deleted, {} unchanged", result.created(),
                        result.updated(), result.deleted(), result.unchanged());
            }
        } catch (ArgoCdException e) {
            LOG.warn("Argo CD: {}", e.getMessage());
        }
    }

    Map<String, List<EnvironmentSummary>> wanted() {
        Map<Long, ProjectSummary> byId = projects.list().stream()
                .collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        var order = environments.list();
        Map<Long, EnvironmentSummary> envs = order.stream()
                .collect(Collectors.toMap(EnvironmentSummary::id, Function.identity()));
        var wanted = new LinkedHashMap<String, List<EnvironmentSummary>>();
        for (var placement : configs.placements()) {
            var project = byId.get(placement.getProjectId());
            var env = envs.get(placement.getEnvironmentId());
            if (project != null && env != null) {
                wanted.computeIfAbsent(project.name(), name -> new ArrayList<>()).add(env);
            }
        }
        wanted.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(EnvironmentSummary::position)));
        return wanted;
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
