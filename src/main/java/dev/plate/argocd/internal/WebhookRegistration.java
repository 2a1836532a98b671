package dev.plate.argocd.internal;

import dev.plate.argocd.ArgoCdProperties;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaException;
import dev.plate.gitops.ConfigRepositoryMoved;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With the config repository on Gitea, makes sure Gitea calls Plate on every push (also pushes made outside
 * Plate): one webhook to {@code <public url>/webhooks/gitea}, added only if it is missing, so restarts add none.
 * Gitea must be able to reach Plate at {@code PLATE_GIT_PUBLIC_URL}. When Argo CD's URL is configured, a second
 * one calls Argo CD itself ({@code <server>/api/webhook}, type {@code gogs}: Argo CD reads Gitea's webhooks with
 * its Gogs parser and checks them against {@code webhook.gogs.secret}).
 */
@Component
class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    private final RepositoryHosting hosting;
    private final GiteaClient client;
    private final GitProperties git;
    private final WebhookSecret secret;

    private final ArgoCdProperties argoCd;

    WebhookRegistration(RepositoryHosting hosting, GiteaClient client, GitProperties git, WebhookSecret secret,
            ArgoCdProperties argoCd) {
        this.argoCd = argoCd;
        this.hosting = hosting;
        this.client = client;
        this.git = git;
        this.secret = secret;
    }

    /** Moved to Gitea: the new repository needs the hooks too. */
    @EventListener
    void moved(ConfigRepositoryMoved moved) {
        register();
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        hosting.gitea().map(host -> host.connection()).ifPresent(connection -> {
            String url = git.publicUrl().replaceAll("/+$", "") + GiteaPushWebhook.PATH;
            try {
                var hook = client.ensurePushWebhook(connection, git.repositoryName(), url, secret.current(), "gitea");
                LOG.info(hook.created() ? "Registered Plate's push webhook on the config repository: {}"
                        : "Plate's push webhook on the config repository is in place: {}", url);
            } catch (GiteaException e) {
                LOG.warn("Could not register Plate's push webhook on the config repository ({}); deployments still "
                        + "refresh Argo CD directly: {}", url, e.getMessage());
            }
            if (argoCd.serverUrl().isBlank()) {
                return;
            }
            String argoCdHook = argoCd.serverUrl().replaceAll("/+$", "") + "/api/webhook";
            if (argoCd.gogsWebhookSecret().isBlank()) {
                LOG.warn("Not registering Argo CD's webhook ({}): set PLATE_ARGOCD_GOGS_WEBHOOK_SECRET to the value of "
                        + "webhook.gogs.secret in Argo CD's argocd-secret", argoCdHook);
                return;
            }
            try {
                var hook = client.ensurePushWebhook(connection, git.repositoryName(), argoCdHook,
                        argoCd.gogsWebhookSecret(), "gogs");
                LOG.info(hook.created() ? "Registered Argo CD's push webhook on the config repository: {}"
                        : "Argo CD's push webhook on the config repository is in place: {}", argoCdHook);
            } catch (GiteaException e) {
                LOG.warn("Could not register Argo CD's push webhook on the config repository ({}); Argo CD still "
                        + "polls, and Plate refreshes it after each change: {}", argoCdHook, e.getMessage());
            }
        });
    }
}
