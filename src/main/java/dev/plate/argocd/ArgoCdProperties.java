package dev.plate.argocd;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Plate follows Argo CD. Where it runs is the cluster connection's ({@link dev.plate.cluster.ClusterProperties},
 * the same {@code plate.argocd} prefix).
 *
 * @param deploymentTimeout how long a deployment may take from commit to synced-and-healthy
 * @param webhookSecret the shared secret of the config repository's push webhook; empty refuses every call
 * @param serverUrl Argo CD's own URL ({@code PLATE_ARGOCD_SERVER_URL}): with Gitea, Plate registers a push webhook
 *     to {@code <serverUrl>/api/webhook} so Argo CD refreshes on every push, not on its next poll
 * @param gogsWebhookSecret that webhook's secret: the same value as {@code webhook.gogs.secret} in Argo CD's
 *     {@code argocd-secret} (Argo CD reads Gitea's webhooks with its Gogs parser)
 */
@ConfigurationProperties("plate.argocd")
public record ArgoCdProperties(@DefaultValue("10m") Duration deploymentTimeout, @DefaultValue("") String webhookSecret,
        @DefaultValue("") String serverUrl, @DefaultValue("") String gogsWebhookSecret) {

    /** Never the webhook secrets. */
    @Override
    public String toString() {
        return "ArgoCdProperties[deployment timeout " + deploymentTimeout
                + (serverUrl.isBlank() ? "" : ", server " + serverUrl) + "]";
    }
}
