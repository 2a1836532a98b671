package dev.plate.leadership;

/**
 * Which of several Plate instances does the background work that must happen once: acting on deployment
 * status transitions, timing deployments out, reconciling Argo CD. Every instance still serves users.
 */
public interface Leadership {

    /**
     * Whether this instance holds the lease now. Checked against the lease's expiry on this instance's clock, not
     * only remembered from the last renewal: an instance whose renewals stalled stops believing it leads before
     * another one can take the lease over. Ask again before every leader-only write.
     */
    boolean isLeader();

    /** This instance's name in the lease (host and process), for logs and the dashboard. */
    String instanceId();
}
