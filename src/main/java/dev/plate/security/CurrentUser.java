package dev.plate.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is acting now: the signed-in user, or {@code system} for work nobody signed in for (start-up, schedules). */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy securityContext;

    CurrentUser(SecurityContextHolderStrategy securityContext) {
        this.securityContext = securityContext;
    }

    public String name() {
        var authentication = securityContext.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    /** The highest role the signed-in user holds across Plate; empty for nobody (work nobody signed in for). */
    public java.util.Optional<Role> role() {
        var held = authorities().collect(java.util.stream.Collectors.toSet());
        return java.util.Arrays.stream(Role.values()).filter(role -> held.contains("ROLE_" + role.name())).findFirst();
    }

    /**
     * The authority an access token limited to one team carries (a token never holds more than its owner, and such a
     * token holds nothing beyond that team's projects).
     */
    public static final String TEAM_SCOPE = "PLATE_TEAM_SCOPE:";

    /** The authority of a credential limited to reading: whatever its owner's roles, it changes nothing. */
    public static final String READ_ONLY = "PLATE_READ_ONLY";

    /** Whether the credential in use is limited to reading (a read-only access token). */
    public boolean readOnly() {
        return authorities().anyMatch(READ_ONLY::equals);
    }

    /** The team the credential in use is limited to (an access token made for one team's projects), if any. */
    public java.util.Optional<String> teamScope() {
        return authorities().filter(a -> a.startsWith(TEAM_SCOPE)).map(a -> a.substring(TEAM_SCOPE.length()))
                .findFirst();
    }

    /** @param role a role's name without the {@code ROLE_} prefix, as in {@link Roles} */
    public boolean hasRole(String role) {
        return authorities().anyMatch(("ROLE_" + role)::equals);
    }

    private java.util.stream.Stream<String> authorities() {
        var authentication = securityContext.getContext().getAuthentication();
        return authentication == null ? java.util.stream.Stream.empty() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority);
    }
}
