package dev.plate.deployment.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.ApplicationStatuses.Connection;
import dev.plate.argocd.ArgoCdProperties;
import dev.plate.audit.AuditLog;
import dev.plate.base.Subscription;
import dev.plate.deployment.DeploymentEvents;
import dev.plate.deployment.DeploymentKind;
import dev.plate.deployment.DeploymentState;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.leadership.Leadership;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides each deployment's outcome from what Argo CD reports. A deployment succeeded when Argo CD has synced a
 * revision that contains its commit and the application is healthy; failed when a sync of such a revision
 * failed or health is Degraded there; timed out when neither happened in time. Only the leader decides, each
 * row once (a conditional update), and every outcome is audited and counted.
 *
 * <p>Status events decide at once for the applications this instance knows are waiting; a sweep every few
 * seconds catches everything else (deployments made through another instance, events missed while away).
 */
@Component
class DeploymentOutcomes implements DeploymentEvents, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentOutcomes.class);

    private final ApplicationStatuses statuses;
    private final ConfigRepository repository;
    private final DeploymentRepository deployments;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final Leadership leadership;
    private final AuditLog audit;
    private final DeploymentMetrics metrics;
    private final Duration timeout;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    /** Made anew on each start: a stopped context (tests pause cached ones) may start again. */
    private volatile ExecutorService worker;
    private final List<Consumer<DeploymentEvents.Finished>> listeners = new CopyOnWriteArrayList<>();
    private Subscription subscription;

    DeploymentOutcomes(ApplicationStatuses statuses, ConfigRepository repository, DeploymentRepository deployments,
            ProjectService projects, EnvironmentService environments, Leadership leadership, AuditLog audit,
            DeploymentMetrics metrics, ArgoCdProperties properties, Clock clock,
            PlatformTransactionManager transactionManager, dev.plate.leadership.LeaderTasks tasks,
            @org.springframework.beans.factory.annotation.Value("${plate.argocd.outcome-sweep-interval:10s}")
            Duration sweepInterval) {
        this.statuses = statuses;
        this.repository = repository;
        this.deployments = deployments;
        this.projects = projects;
        this.environments = environments;
        this.leadership = leadership;
        this.audit = audit;
        this.metrics = metrics;
        this.timeout = properties.deploymentTimeout();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        tasks.every("deployment-outcomes", Duration.ofSeconds(5), sweepInterval, this::sweep);
    }

    /** A deployment of this application was just recorded: its next status events are worth deciding on. */
    void expect(String project, String environment) {
        waiting.add(ApplicationManifests.applicationName(project, environment));
    }

    private void onStatus(ApplicationStatus status) {
        if (waiting.contains(status.application()) && leadership.isLeader()) {
            submit(() -> decide(status.project(), status.environment()));
        }
    }

    private boolean submit(Runnable work) {
        var current = worker;
        if (current == null || current.isShutdown()) {
            return false;
        }
        try {
            current.execute(() -> guarded(work));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false; // stopping
        }
    }

    /** On the leader's own threads, every few seconds (a sweep never overlaps the previous one). */
    void sweep() {
        if (connected()) {
            guarded(this::sweepNow);
        }
    }

    private void sweepNow() {
        Map<Long, ProjectSummary> projectsById = projects.list().stream()
                .collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        Map<Long, EnvironmentSummary> envsById = environments.list().stream()
                .collect(Collectors.toMap(EnvironmentSummary::id, Function.identity()));
        var open = deployments.findByStateOrderByIdDesc(DeploymentState.COMMITTED).stream()
                .collect(Collectors.groupingBy(row -> List.of(row.projectId(), row.environmentId())));
        waiting.clear();
        open.forEach((key, rows) -> {
            var project = projectsById.get(key.get(0));
            var env = envsById.get(key.get(1));
            if (project != null && env != null) {
                waiting.add(ApplicationManifests.applicationName(project.name(), env.name()));
                decide(project, env);
            }
        });
    }

    void decide(String projectName, String environmentName) {
        var project = projects.find(projectName);
        var env = environments.find(environmentName);
        if (project.isPresent() && env.isPresent()) {
            decide(project.get(), env.get());
        }
    }

    private void decide(ProjectSummary project, EnvironmentSummary env) {
        transaction.executeWithoutResult(tx -> {
            var rows = deployments.findByProjectIdAndEnvironmentIdAndStateOrderByIdDesc(project.id(), env.id(),
                    DeploymentState.COMMITTED);
            if (rows.isEmpty()) {
                waiting.remove(ApplicationManifests.applicationName(project.name(), env.name()));
                return;
            }
            Optional<ApplicationStatus> status = statuses.of(project.name(), env.name());
            if (status.isPresent() && decideFromStatus(project, env, rows, status.get())) {
                return;
            }
            // Not while Argo CD is out of earshot: the deployment may well have worked meanwhile.
            if (statuses.connection().state() == Connection.State.LIVE) {
                timeOut(project, env, rows, status);
            }
        });
    }

    /** Returns whether a row was decided (and the older ones with it). */
    private boolean decideFromStatus(ProjectSummary project, EnvironmentSummary env, List<DeploymentEntity> rows,
            ApplicationStatus status) {
        if (status.operationFailed()) {
            var failed = newestContainedIn(rows, status.operationRevision());
            if (failed.isPresent()) {
                // Older undecided rows stay: what runs may well be theirs; a later report or the deadline decides.
                finish(project, env, failed.get(), DeploymentState.FAILED, "Sync failed: " + status.operationMessage());
                return true;
            }
        }
        if (!"Synced".equals(status.sync())) {
            return false;
        }
        var synced = newestContainedIn(rows, status.syncedRevision());
        if (synced.isEmpty()) {
            return false;
        }
        if (status.syncedAndHealthy()) {
            finish(project, env, synced.get(), DeploymentState.SUCCEEDED, "Synced and healthy at "
                    + shortSha(status.syncedRevision()) + ".");
            supersedeOlder(project, env, rows, synced.get());
            return true;
        }
        if (status.degraded()) {
            // Synced but unhealthy: the newer change is what runs, so the older ones are superseded by it.
            finish(project, env, synced.get(), DeploymentState.FAILED, "Degraded: " + (status.healthMessage().isBlank()
                    ? "Argo CD reports the application as unhealthy." : status.healthMessage()));
            supersedeOlder(project, env, rows, synced.get());
            return true;
        }
        return false; // synced, still progressing
    }

    private Optional<DeploymentEntity> newestContainedIn(List<DeploymentEntity> rows, String revision) {
        if (revision == null || revision.isBlank()) {
            return Optional.empty();
        }
        return rows.stream().filter(row -> repository.includes(revision, row.toRevision())).findFirst();
    }

    private void supersedeOlder(ProjectSummary project, EnvironmentSummary env, List<DeploymentEntity> rows,
            DeploymentEntity decided) {
        rows.stream().filter(row -> row.id() < decided.id()).forEach(row -> finish(project, env, row,
                DeploymentState.SUPERSEDED, "Deployment #" + decided.id() + ", made after this one, reached the "
                        + "cluster before this one was decided."));
    }

    /**
     * A deployment nobody asked Argo CD to sync (an import into an environment that syncs only by hand) waits
     * for a person, not for a deadline.
     */
    private void timeOut(ProjectSummary project, EnvironmentSummary env, List<DeploymentEntity> rows,
            Optional<ApplicationStatus> status) {
        Instant deadline = clock.instant().minus(timeout);
        String last = status.map(s -> "last reported: " + s.sync() + ", " + s.health()
                + (s.healthMessage().isBlank() ? "" : " (" + s.healthMessage() + ")")).orElse("Argo CD has not "
                + "reported on the Application at all");
        for (var row : rows) {
            boolean waitsForAPerson = !env.autoSync() && row.kind() == DeploymentKind.IMPORT;
            // The clock starts once Argo CD has what the deployment owed it (an outage before that is not its fault).
            if (!waitsForAPerson && row.deliveredAt() != null && row.deliveredAt().isBefore(deadline)) {
                finish(project, env, row, DeploymentState.TIMED_OUT, "Not synced and healthy within "
                        + describe(timeout) + "; " + last + ".");
            }
        }
    }

    private void finish(ProjectSummary project, EnvironmentSummary env, DeploymentEntity row, DeploymentState state,
            String message) {
        Instant now = clock.instant();
        String bounded = message.length() > 1024 ? message.substring(0, 1023) + "…" : message;
        if (deployments.finish(row.id(), state, now, bounded) == 1) {
            audit.record("argocd", "deployment." + state.name().toLowerCase(Locale.ROOT), "project:" + project.name()
                    + "/" + env.name(), "#" + row.id() + " (" + row.kind().name().toLowerCase(Locale.ROOT) + " of "
                    + row.imageTag() + ", commit " + shortSha(row.toRevision()) + "): " + bounded);
            var event = new Finished(row.id(), project.name(), env.name(), state);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // Counted only once recorded: a rolled-back decision is decided (and counted) again later.
                    metrics.finished(row.kind(), state, Duration.between(row.requestedAt(), now));
                    listeners.forEach(listener -> {
                        try {
                            listener.accept(event);
                        } catch (RuntimeException e) {
                            LOG.warn("A deployment listener failed", e);
                        }
                    });
                }
            });
            LOG.info("Deployment #{} of {} to {}: {} ({})", row.id(), project.name(), env.name(), state, bounded);
        }
    }

    private boolean connected() {
        return statuses.connection().state() != Connection.State.NOT_CONFIGURED;
    }

    private static String shortSha(String sha) {
        return sha.length() > 8 ? sha.substring(0, 8) : sha;
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not decide deployment outcomes: {}", e.getMessage(), e);
        }
    }

    @Override
    public Subscription subscribe(Consumer<Finished> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("deployment-outcomes").factory());
        subscription = statuses.subscribe(this::onStatus);
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        worker.shutdown();
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
