package dev.plate.history;

/**
 * Where a deployment is. COMMITTED: in Git, waiting for Argo CD (or no cluster is connected). The others are
 * final, decided from what Argo CD reports about the commit: SUCCEEDED (synced and healthy), FAILED (the sync
 * failed or health is Degraded), TIMED_OUT (neither within the configured time), SUPERSEDED (a later
 * deployment of the same application reached the cluster before this one was decided).
 */
public enum DeploymentState {
    COMMITTED, SUCCEEDED, FAILED, TIMED_OUT, SUPERSEDED;

    public boolean finished() {
        return this != COMMITTED;
    }
}
