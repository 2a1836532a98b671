package dev.plate.approvals;

import dev.plate.deployment.ChangeRequest;
import dev.plate.history.DeploymentRecord;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Changes to environments through their approval policies: the way the dashboard, the API and the CLI deploy,
 * promote and roll back. Where no approval is needed the change is committed at once, as
 * {@link dev.plate.deployment.DeploymentService} does it; elsewhere it becomes a request. Every step is audited.
 */
public interface DeploymentRequests {

    /** Either the deployment (committed now), or the request that waits for approvals. */
    record Outcome(Optional<DeploymentRecord> deployment, Optional<RequestView> request) {}

    /**
     * Makes the change, or asks for it where the environment's changes wait for approvals (a DEVELOPER of the
     * project's team may ask, whatever the environment's protection).
     */
    @PreAuthorize("hasRole('VIEWER')")
    Outcome submit(ChangeRequest change);

    /**
     * Approves; the approval that completes the count commits the change as planned, or marks the request stale
     * when the environment changed since it was asked for.
     */
    @PreAuthorize("hasRole('VIEWER')")
    RequestView approve(long id, String comment);

    /** @param comment why; required, the requester reads it */
    @PreAuthorize("hasRole('VIEWER')")
    RequestView reject(long id, String comment);

    /** Withdraws a pending request: who asked, or an administrator. */
    @PreAuthorize("hasRole('VIEWER')")
    RequestView cancel(long id);

    @PreAuthorize("hasRole('VIEWER')")
    RequestView get(long id);

    /** Newest first; of one project, when given; only the pending ones, when asked. At most 200. */
    @PreAuthorize("hasRole('VIEWER')")
    List<RequestView> list(Optional<String> project, boolean pendingOnly);

    /** The pending requests the person reading may approve and has not decided yet: "waiting for your approval". */
    @PreAuthorize("hasRole('VIEWER')")
    List<RequestView> waitingForMe();
}
