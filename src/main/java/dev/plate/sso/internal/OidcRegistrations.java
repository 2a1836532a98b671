package dev.plate.sso.internal;

import dev.plate.base.UnavailableException;
import dev.plate.base.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;

/**
 * Spring Security's view of the provider, built from the settings in use at each sign-in. The discovered
 * registration is kept for an hour, or until the settings change; a provider that cannot be asked fails the
 * sign-in with a message for the login page, never the start of Plate.
 */
@Component
class OidcRegistrations implements ClientRegistrationRepository {

    static final String UNAVAILABLE = "provider_unavailable";
    private static final Duration KEEP = Duration.ofHours(1);

    private final OidcSettings settings;
    private final OidcDiscovery discovery;
    private final Clock clock;
    private final AtomicReference<Discovered> last = new AtomicReference<>();

    OidcRegistrations(OidcSettings settings, OidcDiscovery discovery, Clock clock) {
        this.settings = settings;
        this.discovery = discovery;
        this.clock = clock;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcDiscovery.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        OidcConfig config;
        try {
            config = settings.effective().orElse(null);
        } catch (ValidationException e) {
            throw refused("Single sign-on is misconfigured: " + e.getMessage());
        }
        if (config == null) {
            return null;
        }
        Instant now = clock.instant();
        Discovered known = last.get();
        if (known != null && known.key().equals(config.registrationKey()) && now.isBefore(known.at().plus(KEEP))) {
            return known.registration();
        }
        try {
            var registration = discovery.registration(config);
            last.set(new Discovered(config.registrationKey(), registration, now));
            return registration;
        } catch (UnavailableException e) {
            throw refused(e.getMessage());
        }
    }

    /** The settings behind the registration a sign-in used: the same ones, unless they changed meanwhile. */
    OidcConfig config() {
        return settings.effective().orElseThrow(() -> refused("Single sign-on was turned off during the sign-in."));
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE, why, null), why);
    }

    private record Discovered(String key, ClientRegistration registration, Instant at) {}
}
