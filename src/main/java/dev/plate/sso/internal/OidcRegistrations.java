package dev.plate.sso.internal;

import dev.plate.base.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of the providers, built from the settings in use at each sign-in; the registration id is
 * the provider's id. A discovered registration is kept for an hour, or until its settings change; a provider that
 * cannot be asked fails the sign-in with a message for the login page, never the start of Plate.
 */
@Component
class OidcRegistrations implements ClientRegistrationRepository {

    static final String UNAVAILABLE = "provider_unavailable";
    private static final Duration KEEP = Duration.ofHours(1);

    private final OidcSettings settings;
    private final OidcDiscovery discovery;
    private final Clock clock;
    private final ConcurrentMap<String, Discovered> discovered = new ConcurrentHashMap<>();

    OidcRegistrations(OidcSettings settings, OidcDiscovery discovery, Clock clock) {
        this.settings = settings;
        this.discovery = discovery;
        this.clock = clock;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (registrationId == null || !OidcRules.ID.matcher(registrationId).matches()) {
            return null;
        }
        OidcConfig config = settings.config(registrationId).orElse(null);
        if (config == null) {
            return null;
        }
        Instant now = clock.instant();
        Discovered known = discovered.get(registrationId);
        if (known != null && known.key().equals(config.registrationKey()) && now.isBefore(known.at().plus(KEEP))) {
            return known.registration();
        }
        try {
            var registration = discovery.registration(config);
            discovered.put(registrationId, new Discovered(config.registrationKey(), registration, now));
            return registration;
        } catch (UnavailableException e) {
            throw refused(e.getMessage());
        }
    }

    /** The settings behind the registration a sign-in used: the same ones, unless they changed meanwhile. */
    OidcConfig config(String registrationId) {
        return settings.config(registrationId).orElseThrow(() -> refused("Sign-in with this provider was turned off "
                + "during the sign-in."));
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE, why, null), why);
    }

    private record Discovered(String key, ClientRegistration registration, Instant at) {}
}
