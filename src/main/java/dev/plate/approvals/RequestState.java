package dev.plate.approvals;

/** Where a request stands. Only {@link #PENDING} changes, once, into any of the others. */
public enum RequestState {
    /** Waiting for approvals. */
    PENDING,
    /** Approved, and committed as planned: {@link RequestView#deploymentId()} is its deployment. */
    COMMITTED,
    /** An approver refused it. */
    REJECTED,
    /** Nobody approved it in time. */
    EXPIRED,
    /** Approved after the environment changed: committing it would not be the change that was approved. */
    STALE,
    /** Withdrawn by the person who asked. */
    CANCELLED;

    /** "committed", for sentences. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
