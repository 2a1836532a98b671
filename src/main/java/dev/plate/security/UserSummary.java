package dev.plate.security;

import java.time.Instant;
import java.util.Optional;

/** What the rest of Plate may know about a user account: never its password hash. */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Role role,
        boolean enabled,
        Optional<Instant> lockedUntil,
        Optional<Instant> lastLoginAt,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
