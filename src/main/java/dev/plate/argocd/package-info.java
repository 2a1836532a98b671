/**
 * The Argo CD adapter: typed Application and AppProject objects ({@link dev.plate.argocd.ApplicationResource},
 * {@link dev.plate.argocd.AppProjectResource}), their server-side apply, refresh and sync, deletion of this
 * installation's objects only, live status through informers, Argo CD's repository credential and Gitea's push
 * webhook. It knows Argo CD, not deployments: {@code delivery} decides what to write. It reaches the cluster
 * through {@code cluster}'s {@link dev.plate.cluster.ManagementCluster}, and tells it whether a cluster serves
 * Argo CD ({@link dev.plate.cluster.ClusterProbe}).
 */
package dev.plate.argocd;
