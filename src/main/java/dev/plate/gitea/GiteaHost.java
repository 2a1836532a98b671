package dev.plate.gitea;

import java.util.Optional;

/**
 * The Gitea server the config repository lives on, with what Argo CD reads it with.
 *
 * @param connection where, and Plate's write token
 * @param readUsername the Gitea user whose read-only token Argo CD clones with; blank without one
 * @param readToken that token ({@code read:repository} only); blank without one. Never logged or shown.
 */
public record GiteaHost(GiteaConnection connection, String readUsername, String readToken) {

    /** Argo CD's credential, when the admin gave one. */
    public Optional<String> readCredential() {
        return readToken.isBlank() ? Optional.empty() : Optional.of(readToken);
    }

    @Override
    public String toString() {
        return "GiteaHost[" + connection + ", read " + (readToken.isBlank() ? "none" : readUsername + " ***") + "]";
    }
}
