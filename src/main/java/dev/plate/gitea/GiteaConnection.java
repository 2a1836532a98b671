package dev.plate.gitea;

import java.time.Duration;

/**
 * Where Plate's config repositories live on a Gitea server.
 *
 * @param baseUrl the server, e.g. {@code https://gitea.example.com} (the API is under {@code /api/v1})
 * @param organisation the organisation that owns the config repositories
 * @param token an access token with write access to the organisation's repositories; never logged or shown
 * @param timeout how long one request may take
 */
public record GiteaConnection(String baseUrl, String organisation, String token, Duration timeout) {

    @Override
    public String toString() {
        return "GiteaConnection[" + baseUrl + ", organisation " + organisation + ", token ***]";
    }
}
