package dev.plate.argocdserver;

import java.util.Optional;

/**
 * How Plate reaches Argo CD's API server, as an admin sets it.
 *
 * @param url Argo CD's address, e.g. {@code https://argocd.example.com}; empty turns the features off
 * @param token a new Argo CD account token; empty keeps the saved one (it is never shown again)
 * @param caBundle PEM certificates to trust for this server instead of the JDK's; empty keeps the saved one
 * @param removeCaBundle drop a saved CA bundle and trust the JDK's authorities again
 */
public record ArgoCdServerConnection(String url, Optional<String> token, Optional<String> caBundle,
        boolean removeCaBundle) {

    /**
     * What the admin screen shows, never the token.
     *
     * @param source "saved" (Admin → Integrations), "environment" (PLATE_ARGOCD_SERVER_URL and PLATE_ARGOCD_TOKEN)
     *     or "none"
     */
    public record Current(String url, boolean tokenSaved, boolean caBundleSaved, String source) {}
}
