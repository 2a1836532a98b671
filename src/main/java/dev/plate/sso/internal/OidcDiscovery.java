package dev.plate.sso.internal;

import dev.plate.base.UnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the provider's discovery document and turns it into Spring Security's client registration. Plate fetches
 * the document itself, with short time limits (Spring's own lookup waits 30 s, with the person on the login page),
 * and leaves the parsing and the rest of OpenID Connect to Spring Security.
 */
@Component
class OidcDiscovery {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @throws UnavailableException when the provider does not answer, or answers as another issuer */
    ClientRegistration registration(OidcConfig config) {
        Map<String, Object> metadata = metadata(config.issuer());
        Object named = metadata.get("issuer");
        if (!config.issuer().equals(named)) {
            throw new UnavailableException("The provider at " + config.issuer() + " names its issuer '" + named
                    + "': set the issuer URL to exactly that (ID tokens are checked against it).", Duration.ofMinutes(1));
        }
        ClientRegistration.Builder builder;
        try {
            builder = ClientRegistrations.fromOidcConfiguration(metadata);
        } catch (RuntimeException e) {
            throw new UnavailableException("The provider's discovery document at " + discoveryUrl(config.issuer())
                    + " is not usable: " + e.getMessage(), Duration.ofMinutes(1), e);
        }
        // The provider's id names its registration: its button's address and its redirect URI carry it.
        builder.registrationId(config.id())
                .clientId(config.clientId())
                .clientName(config.name())
                .scope(config.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                // PKCE, required: Spring Security 7 sends it for every client by default, and a change of that default
                // must not drop it silently.
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        config.clientSecret().ifPresentOrElse(builder::clientSecret,
                () -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE));
        return builder.build();
    }

    private Map<String, Object> metadata(String issuer) {
        URI url = discoveryUrl(issuer);
        try {
            var response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UnavailableException("The provider's discovery document " + url + " answered HTTP "
                        + response.statusCode() + ": is the issuer URL right?", Duration.ofMinutes(1));
            }
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UnavailableException("The provider at " + issuer + " cannot be reached: " + describe(e),
                    Duration.ofMinutes(1), e);
        } catch (JacksonException e) {
            throw new UnavailableException("The provider's discovery document " + url + " is not JSON.",
                    Duration.ofMinutes(1), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while asking " + url, Duration.ofMinutes(1), e);
        }
    }

    /** OpenID Connect Discovery: the issuer, without a trailing slash, then the well-known path. */
    static URI discoveryUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    private static String describe(IOException e) {
        return e instanceof java.net.http.HttpTimeoutException ? "no answer within " + TIMEOUT.toSeconds() + " s"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
