package dev.plate.argocd.internal;

import dev.plate.argocd.ArgoCdProperties;
import dev.plate.settings.Settings;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The shared secret of the config repository's push webhook: {@code PLATE_ARGOCD_WEBHOOK_SECRET} if set,
 * otherwise one Plate generates once and keeps (encrypted) in its settings, the same for every instance.
 */
@Component
class WebhookSecret {

    static final String SETTING = "webhook.gitea.secret";

    private final ArgoCdProperties properties;
    private final Settings settings;
    private volatile String cached;

    WebhookSecret(ArgoCdProperties properties, Settings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    String current() {
        if (!properties.webhookSecret().isBlank()) {
            return properties.webhookSecret();
        }
        String known = cached;
        if (known == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            known = settings.putIfAbsent(SETTING, HexFormat.of().formatHex(random), true, "plate");
            cached = known;
        }
        return known;
    }
}
