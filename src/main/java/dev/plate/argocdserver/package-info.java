/**
 * Argo CD's API server ({@code argocd-server}), the read side of what runs: an Application's resource tree, the
 * events of it and its resources, and pod logs, over its REST API (the published swagger.json) with an Argo CD
 * account token. Argo CD already reaches every destination cluster and applies its RBAC, so Plate needs no cluster
 * credentials for this. The connection is set in Admin → Integrations ({@link
 * dev.plate.argocdserver.ArgoCdServerAdministration}) or by {@code PLATE_ARGOCD_SERVER_URL} and
 * {@code PLATE_ARGOCD_TOKEN}; everything else reaches the server through {@link dev.plate.argocdserver.ArgoCdServer}.
 */
package dev.plate.argocdserver;
