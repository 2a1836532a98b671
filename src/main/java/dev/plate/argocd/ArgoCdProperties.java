package dev.plate.argocd;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Argo CD runs and how Plate follows it.
 *
 * @param kubeconfig the management cluster: a kubeconfig file's path, or its content ({@code PLATE_ARGOCD_KUBECONFIG})
 * @param inCluster use the pod's own service account instead (Plate running next to Argo CD)
 * @param namespace where Argo CD's Applications and AppProjects live
 * @param deploymentTimeout how long a deployment may take from commit to synced-and-healthy
 * @param webhookSecret the shared secret of the config repository's push webhook; empty refuses every call
 * @param serverUrl Argo CD's own URL ({@code PLATE_ARGOCD_SERVER_URL}): with Gitea, Plate registers a push webhook
 *     to {@code <serverUrl>/api/webhook} so Argo CD refreshes on every push, not on its next poll
 * @param gogsWebhookSecret that webhook's secret: the same value as {@code webhook.gogs.secret} in Argo CD's
 *     {@code argocd-secret} (Argo CD reads Gitea's webhooks with its Gogs parser)
 */
@ConfigurationProperties("plate.argocd")
public record ArgoCdProperties(@DefaultValue("") String kubeconfig, @DefaultValue("false") boolean inCluster,
        @DefaultValue("argocd") String namespace, @DefaultValue("10m") Duration deploymentTimeout,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("") String serverUrl, @DefaultValue("") String gogsWebhookSecret) {

    public boolean configured() {
        return inCluster || !kubeconfig.isBlank();
    }

    @Override
    public String toString() {
        return "ArgoCdProperties[" + (inCluster ? "in-cluster" : kubeconfig.isBlank() ? "not configured" : "kubeconfig ***")
                + ", namespace " + namespace + (serverUrl.isBlank() ? "" : ", server " + serverUrl) + "]";
    }
}
