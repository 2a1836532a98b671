/**
 * The management cluster connection: where Plate finds the Kubernetes API that Argo CD runs in, from
 * {@code PLATE_ARGOCD_*} or as an admin saves it ({@link dev.plate.cluster.ClusterAdministration}; the kubeconfig
 * sealed, and refused when it would run a program or read a file), switched at run time for every user of
 * {@link dev.plate.cluster.ManagementCluster}. It knows Kubernetes clients, not Argo CD: whether a cluster serves
 * Plate is asked of {@code argocd} through its port {@link dev.plate.cluster.ClusterProbe}.
 */
package dev.plate.cluster;
