package dev.plate.sso.internal;

import dev.plate.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked provider configuration, as sign-ins use it.
 *
 * @param clientSecret empty for a public client
 * @param groupRoles group → role, as an administrator mapped them
 */
record OidcConfig(String id, String name, String issuer, String clientId, Optional<String> clientSecret,
        List<String> scopes, String groupsClaim, Map<String, Role> groupRoles, Optional<Role> defaultRole) {

    /** The highest role any of the groups gives, else the default (empty: no access). */
    Optional<Role> roleFor(List<String> groups) {
        return groups.stream().map(groupRoles::get).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).or(() -> defaultRole);
    }

    /** What the provider's registration depends on: a change means discovering it again. */
    String registrationKey() {
        return id + "\n" + issuer + "\n" + clientId + "\n" + clientSecret.map(s -> Integer.toHexString(s.hashCode())).orElse("")
                + "\n" + String.join(" ", scopes) + "\n" + name;
    }

    @Override
    public String toString() {
        return "OidcConfig[" + id + ", " + issuer + ", " + clientId + "]";
    }
}
