package dev.plate.sso.internal;

import dev.plate.security.ProviderAccounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns the person Spring Security verified (ID token, nonce, user-info) into Plate's signed-in user: the account
 * of {@link ProviderAccounts}, its name as the principal's name and its role's authorities, so everything after the
 * sign-in treats them as any other user.
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String REFUSED = "access_denied";
    private static final int MAX_GROUPS = 500;

    private final OidcUserService userInfo = new OidcUserService();
    private final OidcRegistrations registrations;
    private final ProviderAccounts accounts;

    OidcSignIn(OidcRegistrations registrations, ProviderAccounts accounts) {
        this.registrations = registrations;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser verified = userInfo.loadUser(request);
        OidcConfig config = registrations.config(request.getClientRegistration().getRegistrationId());
        var identity = identity(verified, config);
        var outcome = accounts.signIn(identity, config.roleFor(identity.groups()));
        if (outcome.refusal().isPresent()) {
            throw new Refused(outcome.username(), outcome.refusal().get());
        }
        var authorities = outcome.role().grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        return new PlateOidcUser(authorities, verified, outcome.username());
    }

    /**
     * The verified person, named as their Plate account: {@code getName()} is the account's name, never a claim, so
     * a provider sending a claim of any name cannot choose which account the session acts as.
     */
    static final class PlateOidcUser extends DefaultOidcUser {

        private final String username;

        PlateOidcUser(java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities,
                OidcUser verified, String username) {
            super(authorities, verified.getIdToken(), verified.getUserInfo(), "sub");
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PlateOidcUser that && username.equals(that.username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + username.hashCode();
        }
    }

    private static ProviderAccounts.Identity identity(OidcUser user, OidcConfig config) {
        String username = username(user);
        String name = displayName(user.getFullName(), username);
        return new ProviderAccounts.Identity(config.issuer(), user.getSubject(), username, name,
                groups(user.getClaims().get(config.groupsClaim())));
    }

    /** {@code preferred_username}, else the e-mail address's local part, made into a Plate username. */
    static String username(OidcUser user) {
        for (String candidate : new String[] {user.getPreferredUsername(),
                user.getEmail() == null ? null : user.getEmail().replaceFirst("@.*$", "")}) {
            String username = candidate == null ? "" : candidate.strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[._-]+|[._-]+$", "");
            if (username.length() > 64) {
                username = username.substring(0, 64).replaceAll("[._-]+$", "");
            }
            if (!username.isEmpty()) {
                return username;
            }
        }
        throw new Refused(null, "The provider did not say who you are: Plate needs the preferred_username or email "
                + "claim (ask for the profile and email scopes).");
    }

    private static String displayName(String fullName, String username) {
        if (fullName == null || fullName.isBlank()) {
            return username;
        }
        String name = fullName.strip().codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    /** A list of names, or one name; anything else in the claim is no group. */
    static List<String> groups(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim instanceof String one
                ? List.of(one) : List.of();
        var groups = new ArrayList<String>();
        values.stream().filter(String.class::isInstance).map(String.class::cast).map(String::strip)
                .filter(group -> !group.isEmpty() && group.length() <= 255).distinct()
                .limit(MAX_GROUPS).forEach(groups::add);
        return List.copyOf(groups);
    }

    /** A sign-in Plate refuses, with the message the login page shows and the name the audit log records. */
    static final class Refused extends OAuth2AuthenticationException {

        private final String username;

        Refused(String username, String why) {
            super(new OAuth2Error(REFUSED, why, null), why);
            this.username = username;
        }

        String username() {
            return username;
        }
    }
}
