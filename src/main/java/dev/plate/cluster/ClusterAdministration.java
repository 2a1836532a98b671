package dev.plate.cluster;

import dev.plate.base.health.ComponentStatus;
import org.springframework.security.access.prepost.PreAuthorize;

/** Admin → Integrations: the management cluster connection, tested before it is saved. */
public interface ClusterAdministration {

    @PreAuthorize("hasRole('ADMIN')")
    ClusterConnection.Current current();

    /** Tries the connection without saving it: reachable, credentials accepted, Argo CD's CRDs present. */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus test(ClusterConnection connection);

    /**
     * Saves the connection (the kubeconfig encrypted) and switches every part of Plate to it at once; returns
     * the result of testing it. An invalid setting is refused and nothing changes.
     */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus save(ClusterConnection connection);
}
