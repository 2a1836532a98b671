/**
 * The Argo CD adapter: typed Application and AppProject objects ({@link dev.plate.argocd.ApplicationResource},
 * {@link dev.plate.argocd.AppProjectResource}), their server-side apply, refresh and sync, deletion of this
 * installation's objects only, live status through informers, the cluster connection (kubeconfigs are data),
 * Argo CD's repository credential and Gitea's push webhook. It knows Kubernetes and Argo CD, not deployments:
 * {@code delivery} decides what to write.
 */
package dev.plate.argocd;
