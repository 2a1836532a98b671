package dev.plate.cluster;

import java.util.Optional;

/**
 * How Plate reaches the management cluster where Argo CD runs, as an admin sets it.
 *
 * @param kubeconfig a new kubeconfig's content; empty keeps the one saved before (it is never shown again)
 * @param namespace Argo CD's namespace
 */
public record ClusterConnection(Mode mode, Optional<String> kubeconfig, String namespace) {

    public enum Mode {
        /** Nothing is connected: deployments are committed only. */
        NONE,
        /** A kubeconfig with the cluster's address and credentials. */
        KUBECONFIG,
        /** The service account of the pod Plate runs in. */
        IN_CLUSTER
    }

    /**
     * What the admin screen shows: never the kubeconfig itself.
     *
     * @param kubeconfigSaved whether a kubeconfig is stored (encrypted)
     * @param source where the connection in use comes from: "saved" (this screen), "environment" (PLATE_ARGOCD_*)
     *     or "none"
     */
    public record Current(Mode mode, boolean kubeconfigSaved, String namespace, String source) {}
}
