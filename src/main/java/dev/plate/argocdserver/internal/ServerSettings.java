package dev.plate.argocdserver.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.UnavailableException;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.security.CurrentUser;
import dev.plate.settings.Settings;
import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.argocdserver.ArgoCdServerAdministration;
import dev.plate.argocdserver.ArgoCdServerConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where Argo CD's API server is: saved in Admin → Integrations (token and CA bundle sealed, never shown again), else
 * {@code PLATE_ARGOCD_SERVER_URL} with {@code PLATE_ARGOCD_TOKEN}. Read from the settings on each use, so a save on
 * any instance applies everywhere at once.
 */
@Service
class ServerSettings implements ArgoCdServerAdministration {

    static final String COMPONENT = "Argo CD API server";
    static final String URL = "argocdserver.url";
    static final String TOKEN = "argocdserver.token";
    static final String CA = "argocdserver.ca";
    private static final int MAX_SECRET = 32 * 1024;

    private final Settings settings;
    private final ServerProperties properties;
    private final ArgoCdServerClient client;
    private final AuditLog audit;
    private final CurrentUser user;

    ServerSettings(Settings settings, ServerProperties properties, ArgoCdServerClient client, AuditLog audit,
            CurrentUser user) {
        this.settings = settings;
        this.properties = properties;
        this.client = client;
        this.audit = audit;
        this.user = user;
    }

    /** The server in use, or empty when none is configured. */
    Optional<ServerEndpoint> endpoint() {
        Optional<String> saved = settings.get(URL).filter(url -> !url.isBlank());
        if (saved.isPresent()) {
            return settings.get(TOKEN).map(token -> new ServerEndpoint(saved.get(), token, settings.get(CA)));
        }
        if (properties.serverUrl().isBlank() || properties.token().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ServerEndpoint(properties.serverUrl(), properties.token(), caFile()));
    }

    @Override
    public ArgoCdServerConnection.Current current() {
        Optional<String> saved = settings.get(URL).filter(url -> !url.isBlank());
        String source = saved.isPresent() ? "saved" : endpoint().isPresent() ? "environment" : "none";
        return new ArgoCdServerConnection.Current(saved.orElse(properties.serverUrl()), settings.get(TOKEN).isPresent(),
                settings.get(CA).isPresent(), source);
    }

    @Override
    public ComponentStatus test(ArgoCdServerConnection requested) {
        var endpoint = complete(requested);
        if (endpoint.isEmpty()) {
            return new ComponentStatus(COMPONENT, State.NOT_CONFIGURED, ArgoCdServer.NOT_CONFIGURED);
        }
        try {
            String account = client.whoAmI(endpoint.get());
            return new ComponentStatus(COMPONENT, State.UP, "Argo CD at " + endpoint.get().url() + " answers; the token "
                    + "is account " + (account.isBlank() ? "(unnamed)" : account) + ".");
        } catch (UnavailableException e) {
            return new ComponentStatus(COMPONENT, State.DOWN, e.getMessage());
        }
    }

    @Override
    @Transactional
    public ComponentStatus save(ArgoCdServerConnection requested) {
        var endpoint = complete(requested);
        var values = new LinkedHashMap<String, Optional<String>>();
        values.put(URL, endpoint.map(ServerEndpoint::url));
        values.put(TOKEN, endpoint.map(ServerEndpoint::token));
        values.put(CA, endpoint.flatMap(ServerEndpoint::caBundle));
        String actor = user.name();
        settings.put(values, Set.of(TOKEN, CA), actor);
        audit.record(actor, "integration.argocd-server.saved", "integration:argocd-server", endpoint
                .map(e -> e.url() + (requested.token().isPresent() ? ", new token" : "") + (e.caBundle().isPresent()
                        ? ", own CA bundle" : "")).orElse("removed"));
        return endpoint.isEmpty() ? new ComponentStatus(COMPONENT, State.NOT_CONFIGURED, "Saved: not connected"
                + (properties.serverUrl().isBlank() ? "." : "; PLATE_ARGOCD_SERVER_URL applies again."))
                : test(requested);
    }

    /** Validates a request and fills in the saved token and CA bundle when the admin left them empty. */
    private Optional<ServerEndpoint> complete(ArgoCdServerConnection requested) {
        String url = requested.url() == null ? "" : requested.url().strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        requireUrl(url);
        String token = requested.token().map(String::strip).filter(t -> !t.isEmpty()).or(() -> settings.get(TOKEN))
                .orElseThrow(() -> new ValidationException("token", "Paste an Argo CD account token (`argocd account "
                        + "generate-token --account plate`)."));
        if (token.length() > MAX_SECRET || token.chars().anyMatch(c -> c <= ' ')) {
            throw new ValidationException("token", "A token is one line without spaces, at most 32 KB.");
        }
        Optional<String> ca = requested.removeCaBundle() ? Optional.empty() : requested.caBundle().map(String::strip)
                .filter(pem -> !pem.isEmpty()).or(() -> settings.get(CA));
        ca.ifPresent(pem -> {
            if (pem.length() > MAX_SECRET) {
                throw new ValidationException("caBundle", "That is larger than 32 KB: paste only the CA certificates.");
            }
            TrustedCertificates.context(pem);
        });
        return Optional.of(new ServerEndpoint(url, token, ca));
    }

    private static void requireUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(url, "not an http(s) address of a host");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("url", "'" + url + "' is not Argo CD's address: write it as "
                    + "https://argocd.example.com (no user, query or fragment).");
        }
    }

    private Optional<String> caFile() {
        if (properties.serverCaFile().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(properties.serverCaFile())));
        } catch (IOException e) {
            throw new UnavailableException("PLATE_ARGOCD_SERVER_CA_FILE " + properties.serverCaFile()
                    + " cannot be read: " + e.getMessage(), java.time.Duration.ofMinutes(1), e);
        }
    }
}
