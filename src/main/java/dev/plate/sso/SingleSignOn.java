package dev.plate.sso;

import dev.plate.base.health.ComponentStatus;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/** Sign-in through an OpenID Connect provider: the login page's button, and the administrator's settings. */
public interface SingleSignOn {

    /** Where the login page's "Sign in with …" button leads. */
    String LOGIN_PATH = "oauth2/authorization/oidc";

    /** The button's label ("Sign in with Keycloak"), when a provider is configured. */
    Optional<String> buttonLabel();

    @PreAuthorize("hasRole('ADMIN')")
    OidcProvider.Current current();

    /** Checks the settings without saving them: the provider's discovery document answers and names the issuer. */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus test(OidcProvider requested);

    /** Saves the settings (an empty issuer removes them, and {@code PLATE_OIDC_*} applies again). */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus save(OidcProvider requested);
}
