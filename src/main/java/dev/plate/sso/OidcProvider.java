package dev.plate.sso;

import dev.plate.security.Role;
import java.util.Optional;

/**
 * One OpenID Connect provider people may sign in with, as an administrator enters it (Admin → Integrations →
 * Sign-in) or as {@code PLATE_OIDC_*} sets it. Several may be configured; each has its own button.
 *
 * @param id short and stable, in the provider's addresses: the button leads to {@code /oauth2/authorization/<id>} and
 *     the provider sends people back to {@code /login/oauth2/code/<id>}; {@code oidc} is the first one's
 * @param name what the login page's button says after "Sign in with", e.g. "Keycloak"
 * @param issuerUrl the provider's issuer, exactly as its discovery document names it; empty removes the provider
 * @param clientId Plate's client at the provider
 * @param clientSecret the client's secret; empty keeps the saved one (a public client has none and relies on PKCE)
 * @param scopes space-separated; {@code openid} is always asked for
 * @param groupsClaim the ID token or user-info claim that lists the person's groups
 * @param groupRoles one mapping per line, {@code group = ROLE}; the highest role any of a person's groups gives wins
 * @param defaultRole the role of a person none of whose groups is mapped; empty: such a person may not sign in
 */
public record OidcProvider(String id, String name, String issuerUrl, String clientId, Optional<String> clientSecret,
        String scopes, String groupsClaim, String groupRoles, Optional<Role> defaultRole) {

    /** The id of the first provider, and of the one {@code PLATE_OIDC_*} sets unless {@code PLATE_OIDC_ID} says. */
    public static final String FIRST = "oidc";

    /** The first provider ({@value #FIRST}). */
    public OidcProvider(String name, String issuerUrl, String clientId, Optional<String> clientSecret, String scopes,
            String groupsClaim, String groupRoles, Optional<Role> defaultRole) {
        this(FIRST, name, issuerUrl, clientId, clientSecret, scopes, groupsClaim, groupRoles, defaultRole);
    }

    /**
     * What is in use, never the secret.
     *
     * @param source {@code saved} or {@code environment}
     */
    public record Current(OidcProvider provider, boolean secretSaved, String source) {}
}
