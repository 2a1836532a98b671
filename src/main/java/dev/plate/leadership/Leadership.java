package dev.plate.leadership;

/**
 * Which of several Plate instances does the background work that must happen once: acting on deployment
 * status transitions, timing deployments out, reconciling Argo CD. Every instance still serves users.
 */
public interface Leadership {

    boolean isLeader();

    /** This instance's name in the lease (host and process), for logs and the dashboard. */
    String instanceId();
}
