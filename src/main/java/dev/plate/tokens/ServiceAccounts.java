package dev.plate.tokens;

import dev.plate.security.Role;
import java.time.Duration;
import java.time.Instant;

/**
 * Accounts for systems rather than people, such as the one Argo CD reads the config repository with. A service
 * account has a role (VIEWER for readers), a password nobody knows, and access tokens that Plate itself issues
 * and rotates. Not for the browser or the API: the callers are Plate's own components.
 */
public interface ServiceAccounts {

    /**
     * A new access token for the service account (created with {@code role} if it does not exist yet). Earlier
     * tokens stay valid until {@link #revokeOthers}, so a credential can be replaced without a gap.
     */
    IssuedToken issue(String account, String displayName, Role role, String tokenName, Duration lifetime);

    /** Revokes every token of the account except {@code keepTokenId}. */
    void revokeOthers(String account, long keepTokenId);

    /** Whether {@code token} is an active token of {@code account}, and until when. */
    java.util.Optional<Instant> validUntil(String account, String token);

    record IssuedToken(long id, String token, Instant expiresAt) {}
}
