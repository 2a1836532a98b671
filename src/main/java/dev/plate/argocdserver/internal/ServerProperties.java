package dev.plate.argocdserver.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argo CD's API server as the environment gives it (its URL is {@code PLATE_ARGOCD_SERVER_URL}, shared with the push
 * webhook); a connection saved in Admin → Integrations replaces it.
 *
 * @param token an Argo CD account token ({@code PLATE_ARGOCD_TOKEN}), with get on applications and logs
 * @param serverCaFile a PEM file of the certificates to trust for the server ({@code PLATE_ARGOCD_SERVER_CA_FILE})
 */
@ConfigurationProperties("plate.argocd")
record ServerProperties(@DefaultValue("") String serverUrl, @DefaultValue("") String token,
        @DefaultValue("") String serverCaFile) {

    @Override
    public String toString() {
        return "ServerProperties[" + serverUrl + (token.isBlank() ? "" : ", token ***") + "]";
    }
}
