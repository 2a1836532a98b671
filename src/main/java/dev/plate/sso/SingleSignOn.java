package dev.plate.sso;

import dev.plate.base.health.ComponentStatus;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/** Sign-in through OpenID Connect providers: the administrator's settings, one entry per provider. */
public interface SingleSignOn {

    /** Where a provider's "Sign in with …" button leads, followed by its id. */
    String LOGIN_PATH = "oauth2/authorization/";

    /** The providers in use, in the login page's order: those saved here, and the one {@code PLATE_OIDC_*} sets. */
    @PreAuthorize("hasRole('ADMIN')")
    List<OidcProvider.Current> providers();

    /** Checks the settings without saving them: the provider's discovery document answers and names the issuer. */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus test(OidcProvider requested);

    /**
     * Adds a provider: its id must be new (an empty one is the first provider's, {@code oidc}), so an addition never
     * replaces a provider that exists.
     */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus add(OidcProvider requested);

    /**
     * Saves the provider of that id, new or changed. An empty issuer removes it (and {@code PLATE_OIDC_*} applies
     * again when it set that id).
     */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus save(OidcProvider requested);

    /** Whether everyone may sign in with a Plate password beside the providers, or only administrators. */
    @PreAuthorize("hasRole('ADMIN')")
    boolean passwordsForEveryone();

    /**
     * Off: while a provider is configured, only administrators sign in with a password (the break glass when the
     * providers are down); everyone else through a provider.
     */
    @PreAuthorize("hasRole('ADMIN')")
    void passwordsForEveryone(boolean allowed);
}
