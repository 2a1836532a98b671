package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCd.SyncRequest;
import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import dev.plate.delivery.DeliveryProperties;
import dev.plate.history.DeploymentLedger;
import dev.plate.leadership.LeaderTasks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every refresh and sync Plate owes Argo CD, durable until Argo CD has it (a transactional outbox): recorded in the
 * transaction that records the deployment, tried once right after it commits, then by the leader every few seconds
 * with backoff — through Argo CD outages and Plate restarts alike. Only the newest action of an application is
 * sent: a later commit's revision contains the earlier ones, and syncing an older revision after a newer one would
 * roll the cluster back. Delivery starts the deployment's timeout clock ({@link DeploymentLedger}).
 * {@code plate_argocd_outbox_pending} counts what Argo CD does not have yet.
 */
@Component
class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 100;

    private final ArgoCdActions actions;
    private final ArgoCd argoCd;
    private final DeploymentLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final dev.plate.leadership.Leadership leadership;

    Outbox(ArgoCdActions actions, ArgoCd argoCd, DeploymentLedger ledger, TransactionTemplate transaction, Clock clock,
            LeaderTasks tasks, DeliveryProperties properties, MeterRegistry registry,
            dev.plate.leadership.Leadership leadership) {
        this.leadership = leadership;
        this.actions = actions;
        this.argoCd = argoCd;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
        tasks.every("argocd-outbox", properties.outboxInterval(), properties.outboxInterval(), this::deliverDue);
        Gauge.builder("plate.argocd.outbox.pending", actions::undelivered)
                .description("Refreshes and syncs Argo CD does not have yet").register(registry);
    }

    /** In the deployment's transaction: what Argo CD is owed. */
    long record(long deploymentId, String project, String environment, Optional<String> syncRevision, String actor) {
        return actions.save(new ArgoCdAction(deploymentId, project, environment, syncRevision, actor, clock.instant()))
                .id();
    }

    /** The first attempt, right after the deployment's transaction committed. */
    void deliver(long actionId) {
        transaction.executeWithoutResult(tx -> attempt(actionId));
    }

    /** The leader's retries: everything due, oldest first. */
    void deliverDue() {
        if (!argoCd.connected()) {
            return;
        }
        for (var due : actions.due(clock.instant(), Limit.of(BATCH))) {
            if (!leadership.isLeader()) {
                return; // the lease passed on mid-batch: the new leader carries on
            }
            transaction.executeWithoutResult(tx -> attempt(due.id()));
        }
        actions.deleteDeliveredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    /** A project that is removed is owed nothing any more. */
    void forget(String project) {
        actions.deleteByProject(project);
    }

    private void attempt(long actionId) {
        var target = actions.undeliveredTarget(actionId);
        if (target.isEmpty()) {
            return; // delivered already: by the first attempt, another instance, or a later action covering it
        }
        // Read under the lock: an attempt that held it may have delivered this one meanwhile.
        var waiting = actions.lockUndelivered(target.get().getProject(), target.get().getEnvironment());
        var action = waiting.stream().filter(candidate -> candidate.id() == actionId).findFirst();
        if (action.isPresent()) {
            attempt(action.get(), waiting);
        }
    }

    /** @param waiting the application's undelivered actions, locked, oldest first */
    private void attempt(ArgoCdAction action, java.util.List<ArgoCdAction> waiting) {
        var now = clock.instant();
        if (actions.laterExists(action.project(), action.environment(), action.id())) {
            action.delivered(now); // the later one carries a revision that contains this one's
            ledger.delivered(action.deploymentId(), now);
            return;
        }
        try {
            argoCd.refresh(action.project(), action.environment(), action.syncRevision()
                    .map(revision -> new SyncRequest(action.requestedBy(), revision)));
            for (var covered : waiting) { // the earlier ones' revisions are contained in this one
                covered.delivered(now);
                ledger.delivered(covered.deploymentId(), now);
            }
            if (action.attempts() > 0) {
                LOG.info("Argo CD has the {} of {} in {} (deployment #{}) after {} failed attempt(s)",
                        action.syncRevision().isPresent() ? "sync" : "refresh", action.project(), action.environment(),
                        action.deploymentId(), action.attempts());
            }
        } catch (ArgoCdException e) {
            action.failed(e.getMessage(), now);
            LOG.warn("Argo CD: {} (deployment #{}; attempt {}, retried)", e.getMessage(), action.deploymentId(),
                    action.attempts());
        }
    }
}
