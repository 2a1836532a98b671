package dev.plate.delivery.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses.Connection;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.ArgoCdProperties;
import dev.plate.audit.AuditLog;
import dev.plate.environment.EnvironmentService;
import dev.plate.gitops.ConfigRepository;
import dev.plate.history.DeploymentEvents.Finished;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentLedger.Undecided;
import dev.plate.history.DeploymentLedger;
import dev.plate.history.DeploymentState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides each deployment's outcome from what Argo CD reports. A deployment succeeded when Argo CD has synced a
 * revision that contains its commit and the application is healthy; failed when a sync of such a revision failed or
 * health is Degraded there; timed out when neither happened within the timeout after Argo CD had what it owed it.
 * Each row once (a conditional update), every outcome audited and counted. Only the leader decides
 * ({@link OutcomeWatch}).
 */
@Component
class Outcomes {

    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final ApplicationStatuses statuses;
    private final ConfigRepository repository;
    private final DeploymentLedger ledger;
    private final EnvironmentService environments;
    private final AuditLog audit;
    private final OutcomeMetrics metrics;
    private final OutcomeEvents events;
    private final Duration timeout;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final dev.plate.notifications.Notifier notifier;
    private final dev.plate.project.ProjectService projects;
    /** Applications with a deployment waiting: their status events are worth deciding on. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    Outcomes(ApplicationStatuses statuses, ConfigRepository repository, DeploymentLedger ledger,
            EnvironmentService environments, AuditLog audit, OutcomeMetrics metrics, OutcomeEvents events,
            ArgoCdProperties properties, Clock clock, TransactionTemplate transaction,
            dev.plate.notifications.Notifier notifier, dev.plate.project.ProjectService projects) {
        this.notifier = notifier;
        this.projects = projects;
        this.statuses = statuses;
        this.repository = repository;
        this.ledger = ledger;
        this.environments = environments;
        this.audit = audit;
        this.metrics = metrics;
        this.events = events;
        this.timeout = properties.deploymentTimeout();
        this.clock = clock;
        this.transaction = transaction;
    }

    void expect(String project, String environment) {
        waiting.add(ApplicationManifests.applicationName(project, environment));
    }

    boolean waitingFor(String application) {
        return waiting.contains(application);
    }

    /** Every undecided deployment, by application (deployments made through another instance included). */
    void decideAll() {
        var open = ledger.undecided().stream()
                .collect(Collectors.groupingBy(row -> List.of(row.project(), row.environment())));
        waiting.clear();
        open.keySet().forEach(key -> {
            waiting.add(ApplicationManifests.applicationName(key.get(0), key.get(1)));
            decide(key.get(0), key.get(1));
        });
    }

    void decide(String project, String environment) {
        transaction.executeWithoutResult(tx -> {
            var rows = ledger.undecided(project, environment);
            if (rows.isEmpty()) {
                waiting.remove(ApplicationManifests.applicationName(project, environment));
                return;
            }
            Optional<ApplicationStatus> status = statuses.of(project, environment);
            if (status.isPresent() && decideFromStatus(rows, status.get())) {
                return;
            }
            // Not while Argo CD is out of earshot: the deployment may well have worked meanwhile.
            if (statuses.connection().state() == Connection.State.LIVE) {
                timeOut(rows, environment, status);
            }
        });
    }

    /** Returns whether a row was decided (and the older ones with it). */
    private boolean decideFromStatus(List<Undecided> rows, ApplicationStatus status) {
        if (status.operationFailed()) {
            var failed = newestContainedIn(rows, status.operationRevision());
            if (failed.isPresent()) {
                // Older undecided rows stay: what runs may well be theirs; a later report or the deadline decides.
                finish(failed.get(), DeploymentState.FAILED, "Sync failed: " + status.operationMessage());
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
            finish(synced.get(), DeploymentState.SUCCEEDED, "Synced and healthy at " + shortSha(status.syncedRevision())
                    + ".");
            supersedeOlder(rows, synced.get());
            return true;
        }
        if (status.degraded()) {
            // Synced but unhealthy: the newer change is what runs, so the older ones are superseded by it.
            finish(synced.get(), DeploymentState.FAILED, "Degraded: " + (status.healthMessage().isBlank()
                    ? "Argo CD reports the application as unhealthy." : status.healthMessage()));
            supersedeOlder(rows, synced.get());
            return true;
        }
        return false; // synced, still progressing
    }

    private Optional<Undecided> newestContainedIn(List<Undecided> rows, String revision) {
        if (revision == null || revision.isBlank()) {
            return Optional.empty();
        }
        return rows.stream().filter(row -> repository.includes(revision, row.toRevision())).findFirst();
    }

    private void supersedeOlder(List<Undecided> rows, Undecided decided) {
        rows.stream().filter(row -> row.id() < decided.id()).forEach(row -> finish(row, DeploymentState.SUPERSEDED,
                "Deployment #" + decided.id() + ", made after this one, reached the cluster before this one was "
                        + "decided."));
    }

    /**
     * The clock starts once Argo CD has what the deployment owed it (an outage before that is not the deployment's
     * fault). A deployment nobody asked Argo CD to sync (an import into an environment that syncs only by hand) waits
     * for a person, not for a deadline.
     */
    private void timeOut(List<Undecided> rows, String environment, Optional<ApplicationStatus> status) {
        Instant deadline = clock.instant().minus(timeout);
        boolean syncsByItself = environments.find(environment).map(env -> env.autoSync()).orElse(true);
        String last = status.map(s -> "last reported: " + s.sync() + ", " + s.health()
                + (s.healthMessage().isBlank() ? "" : " (" + s.healthMessage() + ")")).orElse("Argo CD has not "
                + "reported on the Application at all");
        for (var row : rows) {
            boolean waitsForAPerson = !syncsByItself && row.kind() == DeploymentKind.IMPORT;
            if (!waitsForAPerson && row.deliveredAt().filter(at -> at.isBefore(deadline)).isPresent()) {
                finish(row, DeploymentState.TIMED_OUT, "Not synced and healthy within " + describe(timeout) + "; "
                        + last + ".");
            }
        }
    }

    private void finish(Undecided row, DeploymentState state, String message) {
        Instant now = clock.instant();
        String bounded = message.length() > 1024 ? message.substring(0, 1023) + "…" : message;
        if (!ledger.finish(row.id(), state, now, bounded)) {
            return;
        }
        audit.record("argocd", "deployment." + state.name().toLowerCase(Locale.ROOT), "project:" + row.project()
                + "/" + row.environment(), "#" + row.id() + " (" + row.kind().name().toLowerCase(Locale.ROOT) + " of "
                + row.imageTag() + ", commit " + shortSha(row.toRevision()) + "): " + bounded);
        tell(row, state, bounded);
        var event = new Finished(row.id(), row.project(), row.environment(), state);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // Counted and told only once recorded: a rolled-back decision is decided (and counted) again later.
                metrics.finished(row.kind(), state, Duration.between(row.requestedAt(), now));
                events.publish(event);
            }
        });
        LOG.info("Deployment #{} of {} to {}: {} ({})", row.id(), row.project(), row.environment(), state, bounded);
    }

    /** Queued for the notification channels in this transaction: told once recorded, never if it rolls back. */
    private void tell(Undecided row, DeploymentState state, String message) {
        if (state != DeploymentState.SUCCEEDED && state != DeploymentState.FAILED
                && state != DeploymentState.TIMED_OUT) {
            return; // superseded: the later deployment's outcome is what people hear about
        }
        String verb = state.name().toLowerCase(Locale.ROOT);
        String kind = row.kind().name().toLowerCase(Locale.ROOT);
        var team = projects.find(row.project()).flatMap(project -> project.team());
        String summary = row.project() + ": " + kind + " #" + row.id() + " to " + row.environment() + " "
                + verb.replace('_', ' ') + " (image " + row.imageTag() + ")" + (state == DeploymentState.SUCCEEDED
                ? "" : ": " + message);
        var details = java.util.Map.<String, Object>of("deployment", row.id(), "kind", row.kind().name(), "state",
                state.name(), "imageTag", row.imageTag(), "commit", row.toRevision(), "message", message);
        notifier.notify(new dev.plate.notifications.NotificationEvent("deployment." + verb, row.project(),
                row.environment(), team, summary, details));
        if (row.kind() == DeploymentKind.ROLLBACK) {
            notifier.notify(new dev.plate.notifications.NotificationEvent("rollback", row.project(),
                    row.environment(), team, summary, details));
        }
    }

    private static String shortSha(String sha) {
        return sha.length() > 8 ? sha.substring(0, 8) : sha;
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
