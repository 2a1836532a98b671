package dev.plate.delivery.internal;

import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.ApplicationStatuses.Connection;
import dev.plate.base.Subscription;
import dev.plate.leadership.LeaderTasks;
import dev.plate.leadership.Leadership;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When outcomes are decided, on the leader only: at once for the applications this instance knows are waiting
 * (their status events, on the {@code deployment-outcomes} thread), and by a sweep every few seconds for the rest
 * (deployments made through another instance, events missed while away) and for the timeouts.
 */
@Component
class OutcomeWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWatch.class);

    private final ApplicationStatuses statuses;
    private final Outcomes outcomes;
    private final Leadership leadership;
    private final DeliveryThreads threads;
    private volatile Subscription subscription;

    OutcomeWatch(ApplicationStatuses statuses, Outcomes outcomes, Leadership leadership, DeliveryThreads threads,
            LeaderTasks tasks, @Value("${plate.argocd.outcome-sweep-interval:10s}") Duration sweepInterval) {
        this.statuses = statuses;
        this.outcomes = outcomes;
        this.leadership = leadership;
        this.threads = threads;
        tasks.every("deployment-outcomes", Duration.ofSeconds(5), sweepInterval, this::sweep);
    }

    private void onStatus(ApplicationStatus status) {
        if (outcomes.waitingFor(status.application()) && leadership.isLeader()) {
            threads.submitOutcome(() -> guarded(() -> outcomes.decide(status.project(), status.environment())));
        }
    }

    /** On the leader's own threads (a sweep never overlaps the previous one). */
    void sweep() {
        if (statuses.connection().state() != Connection.State.NOT_CONFIGURED) {
            guarded(outcomes::decideAll);
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not decide deployment outcomes: {}", e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        subscription = statuses.subscribe(this::onStatus);
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
