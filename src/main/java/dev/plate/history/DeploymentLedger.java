package dev.plate.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deployment history as the cluster side reads and completes it: which deployments still wait for their
 * outcome, when Argo CD had what they owed it, and the outcome once decided.
 */
public interface DeploymentLedger {

    /**
     * Argo CD has the refresh (and sync) this deployment owed it: its timeout counts from now, not from the commit
     * (a deploy made while Argo CD was away is not timed out for Argo CD's absence).
     */
    void delivered(long deploymentId, Instant at);

    /** Every deployment still waiting for its outcome, newest first. */
    List<Undecided> undecided();

    /** Those of one project in one environment, newest first. */
    List<Undecided> undecided(String project, String environment);

    /**
     * Records the outcome, once: only an undecided deployment changes, so two instances (or a late report) never
     * record it twice. Joins the caller's transaction. Returns whether this call decided it.
     */
    boolean finish(long deploymentId, DeploymentState state, Instant at, String message);

    /**
     * A deployment waiting for its outcome.
     *
     * @param deliveredAt when Argo CD had what it owed it; empty while that waits
     */
    record Undecided(long id, String project, String environment, DeploymentKind kind, Instant requestedAt,
            Optional<Instant> deliveredAt, String imageTag, String toRevision) {}
}
