package dev.plate.gitea;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Gitea server that holds the config repository, from {@code PLATE_GITEA_URL}, {@code _ORGANISATION} and
 * {@code _TOKEN}. Without a URL Plate uses its embedded Git server.
 *
 * @param readUsername the Gitea user whose read-only token Argo CD clones with ({@code PLATE_GITEA_READ_USERNAME})
 * @param readToken that token ({@code PLATE_GITEA_READ_TOKEN}): give it only {@code read:repository}; Plate
 *     writes it into Argo CD's repository Secret and nowhere else
 */
@ConfigurationProperties("plate.gitea")
public record GiteaProperties(@DefaultValue("") String url, @DefaultValue("") String organisation,
        @DefaultValue("") String token, @DefaultValue("10s") Duration timeout, @DefaultValue("") String readUsername,
        @DefaultValue("") String readToken) {

    public Optional<GiteaConnection> connection() {
        return url.isBlank() ? Optional.empty() : Optional.of(new GiteaConnection(url, organisation, token, timeout));
    }

    /** The server from the environment, if one is configured. */
    public Optional<GiteaHost> host() {
        return connection().map(connection -> new GiteaHost(connection, readUsername, readToken));
    }

    @Override
    public String toString() {
        return "GiteaProperties[" + url + ", organisation " + organisation + ", token ***, read token "
                + (readToken.isBlank() ? "none" : "***") + "]";
    }
}
