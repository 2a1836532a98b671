package dev.plate.sso.internal;

import dev.plate.settings.SecretBox;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a sign-in on its way to the provider (state, nonce, PKCE verifier) in a sealed cookie of the browser rather
 * than in one instance's memory: the provider's answer may reach another instance behind the load balancer, or the
 * same one after a restart. AES-GCM with the key every instance shares, bound to this cookie's name, so it can be
 * neither read nor forged; it lasts ten minutes and is removed when the answer comes back.
 */
@Component
class SealedCookieAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "PLATE_SSO";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SecretBox box;
    private final Clock clock;

    SealedCookieAuthorizationRequests(SecretBox box, Clock clock) {
        this.box = box;
        this.clock = clock;
    }

    /** What is kept: the authorization request's parts, each a string (Spring's own attributes are). */
    record Kept(String authorizationUri, String clientId, String redirectUri, List<String> scopes, String state,
            Map<String, String> parameters, Map<String, String> attributes, String requestUri, long createdAt) {}

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) {
            return null;
        }
        return read(request).filter(kept -> state.equals(kept.state()))
                .filter(kept -> clock.millis() - kept.createdAt() <= LIFETIME.toMillis())
                .map(SealedCookieAuthorizationRequests::toRequest).orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            write(request, response, "", Duration.ZERO);
            return;
        }
        var kept = new Kept(authorizationRequest.getAuthorizationUri(), authorizationRequest.getClientId(),
                authorizationRequest.getRedirectUri(), List.copyOf(authorizationRequest.getScopes()),
                authorizationRequest.getState(), strings(authorizationRequest.getAdditionalParameters()),
                strings(authorizationRequest.getAttributes()), authorizationRequest.getAuthorizationRequestUri(),
                clock.millis());
        write(request, response, box.seal(COOKIE, JSON.writeValueAsString(kept)), LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        var found = loadAuthorizationRequest(request);
        if (found != null) {
            write(request, response, "", Duration.ZERO);
        }
        return found;
    }

    private Optional<Kept> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> COOKIE.equals(cookie.getName())).map(Cookie::getValue)
                .filter(value -> !value.isBlank()).findFirst().flatMap(value -> {
                    try {
                        return Optional.of(JSON.readValue(box.open(COOKIE, value), Kept.class));
                    } catch (RuntimeException unreadable) {
                        // Altered, sealed with another key, or from an older Plate: as if there were none.
                        return Optional.empty();
                    }
                });
    }

    private static OAuth2AuthorizationRequest toRequest(Kept kept) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(kept.authorizationUri())
                .clientId(kept.clientId())
                .redirectUri(kept.redirectUri())
                .scopes(new LinkedHashSet<>(kept.scopes()))
                .state(kept.state())
                .additionalParameters(new LinkedHashMap<>(kept.parameters()))
                .attributes(new LinkedHashMap<>(kept.attributes()))
                .authorizationRequestUri(kept.requestUri())
                .build();
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        var strings = new LinkedHashMap<String, String>();
        values.forEach((name, value) -> {
            if (value instanceof String text) {
                strings.put(name, text);
            }
        });
        return strings;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value,
            Duration maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        // Lax: the provider's answer is a top-level navigation back to Plate, which carries Lax cookies.
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value).httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").path(path).maxAge(maxAge).build().toString());
    }
}
