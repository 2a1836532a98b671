package dev.plate.deployment;

import java.time.Instant;

/** What the cluster side reports back into the deployment history. */
public interface DeploymentLedger {

    /**
     * Argo CD has the refresh (and sync) this deployment owed it: its timeout counts from now, not from the commit
     * (a deploy made while Argo CD was away is not timed out for Argo CD's absence).
     */
    void delivered(long deploymentId, Instant at);
}
