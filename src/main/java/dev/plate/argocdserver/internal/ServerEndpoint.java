package dev.plate.argocdserver.internal;

import java.util.Optional;

/**
 * Argo CD's API server as Plate reaches it now.
 *
 * @param caBundle PEM certificates trusted instead of the JDK's, or empty
 */
record ServerEndpoint(String url, String token, Optional<String> caBundle) {

    String base() {
        return url.replaceAll("/+$", "");
    }

    @Override
    public String toString() {
        return "ServerEndpoint[" + url + (caBundle.isPresent() ? ", own CA" : "") + "]";
    }
}
