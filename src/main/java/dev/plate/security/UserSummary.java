package dev.plate.security;

import java.time.Instant;
import java.util.Optional;

/**
 * What the rest of Plate may know about a user account: never its password hash.
 *
 * @param singleSignOn the account signs in through the OpenID Connect provider (its role comes from its groups)
 */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Role role,
        boolean enabled,
        Optional<Instant> lockedUntil,
        Optional<Instant> lastLoginAt,
        Instant createdAt,
        boolean singleSignOn) {

    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
