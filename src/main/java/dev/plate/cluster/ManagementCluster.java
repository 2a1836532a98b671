package dev.plate.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The management cluster Plate is connected to now, for the modules that talk to it ({@code argocd}). The
 * connection can change while Plate runs (an admin saves another one): read it at each use, never keep a client.
 */
public interface ManagementCluster {

    /** The client of the connection in use; empty when no cluster is connected. */
    Optional<KubernetesClient> client();

    /** Argo CD's namespace in the connection in use. */
    String namespace();

    /** The connection in use as one value: its client and namespace belong together across a switch. */
    Active active();

    /** Called after each switch to another connection (the old client is closed once listeners have run). */
    void onChange(Runnable listener);

    /**
     * A connection in use; {@code client} is null when nothing is configured.
     *
     * @param source where it comes from: "saved" (Admin → Integrations), "environment" (PLATE_ARGOCD_*), "none"
     *     or "test"
     */
    record Active(KubernetesClient client, String namespace, ClusterConnection.Mode mode, String source) {}
}
