package dev.plate.sso;

import dev.plate.security.Role;
import java.util.Optional;

/**
 * The OpenID Connect provider people sign in with, as an administrator enters it (Admin → Integrations → Sign-in)
 * or as {@code PLATE_OIDC_*} sets it.
 *
 * @param name what the login page's button says after "Sign in with", e.g. "Keycloak"
 * @param issuerUrl the provider's issuer, exactly as its discovery document names it
 * @param clientId Plate's client at the provider
 * @param clientSecret the client's secret; empty keeps the saved one (a public client has none and relies on PKCE)
 * @param scopes space-separated; {@code openid} is always asked for
 * @param groupsClaim the ID token or user-info claim that lists the person's groups
 * @param groupRoles one mapping per line, {@code group = ROLE}; the highest role any of a person's groups gives wins
 * @param defaultRole the role of a person none of whose groups is mapped; empty: such a person may not sign in
 * @param localSignIn whether everyone may still sign in with a Plate password; off, only administrators may (the
 *     break glass when the provider is down)
 */
public record OidcProvider(String name, String issuerUrl, String clientId, Optional<String> clientSecret,
        String scopes, String groupsClaim, String groupRoles, Optional<Role> defaultRole, boolean localSignIn) {

    /** With passwords on for everyone. */
    public OidcProvider(String name, String issuerUrl, String clientId, Optional<String> clientSecret, String scopes,
            String groupsClaim, String groupRoles, Optional<Role> defaultRole) {
        this(name, issuerUrl, clientId, clientSecret, scopes, groupsClaim, groupRoles, defaultRole, true);
    }

    /**
     * What is in use, never the secret.
     *
     * @param source {@code saved}, {@code environment} or {@code none}
     */
    public record Current(OidcProvider provider, boolean secretSaved, String source) {}
}
