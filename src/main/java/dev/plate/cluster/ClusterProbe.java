package dev.plate.cluster;

import dev.plate.base.health.ComponentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Whether a cluster can serve Plate, asked before an admin's connection is saved. Implemented by {@code argocd}:
 * only the adapter knows what it needs there (Argo CD's CRDs in the namespace, and the rights to use them), and
 * this module stays below it.
 */
public interface ClusterProbe {

    /** The name the dashboard and the admin screen give this connection. */
    String COMPONENT = "Kubernetes / Argo CD";

    /** Up (with {@code detailWhenUp} appended to what was found), or down saying what failed. */
    ComponentStatus probe(KubernetesClient client, String namespace, String detailWhenUp);
}
