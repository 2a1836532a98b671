package dev.plate.sso.internal;

import dev.plate.sso.OidcProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-in provider as the environment gives it ({@code PLATE_OIDC_ISSUER_URL}, {@code PLATE_OIDC_CLIENT_ID},
 * {@code PLATE_OIDC_CLIENT_SECRET}, …; see {@link dev.plate.sso.OidcProvider} for each); settings saved in
 * Admin → Integrations replace it. Read at every use, never as a condition: the packaged jar's bean definitions are
 * fixed at build time (docs/adr/0015-ahead-of-time-start.md).
 *
 * @param id the provider's id ({@code PLATE_OIDC_ID}); a provider saved in Admin → Integrations with that id replaces it
 * @param defaultRole a role's name, or {@code NONE}: people none of whose groups is mapped may not sign in
 * @param localSignIn {@code false}: Plate passwords only for administrators ({@code PLATE_OIDC_LOCAL_SIGN_IN})
 */
@ConfigurationProperties("plate.oidc")
record OidcProperties(@DefaultValue("oidc") String id, @DefaultValue("Single sign-on") String name, @DefaultValue("") String issuerUrl,
        @DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue("openid profile email") String scopes, @DefaultValue("groups") String groupsClaim,
        @DefaultValue("") String groupRoles, @DefaultValue("VIEWER") String defaultRole,
        @DefaultValue("true") boolean localSignIn) {

    @Override
    public String toString() {
        return "OidcProperties[" + issuerUrl + ", " + clientId + (clientSecret.isBlank() ? "" : ", secret ***") + "]";
    }
}
