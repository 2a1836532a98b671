/**
 * Delivery: getting what the deployment core committed to the clusters, through Argo CD. It owns the Argo CD
 * objects' lifecycle — applying each project's AppProject and Applications after a commit, asking Argo CD to
 * refresh and sync, the leader's periodic reconcile, and removal only by recorded intent (never because an
 * object is missing from the database), with a guard that pauses mass deletions until an admin decides.
 *
 * <p>The deployment core calls it through its port {@link dev.plate.deployment.ClusterDelivery}; it reaches the
 * cluster through the {@code argocd} adapter. Its API here: {@link ArgoCdReconciliation} (the last reconcile's
 * report, an admin's confirmation of a pending removal).
 */
package dev.plate.delivery;
