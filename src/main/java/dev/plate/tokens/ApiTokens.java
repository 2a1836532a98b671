package dev.plate.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;

/**
 * Personal access tokens: for git clients, scripts and CI, where a password does not belong. A token is shown
 * once when created; Plate keeps only its SHA-256 hash. It acts with its owner's current role and ends when it
 * expires or is revoked; disabling its owner revokes it (enabling the owner again does not bring it back).
 */
public interface ApiTokens {

    String PREFIX = "plate_";

    /** A new token for the signed-in user, valid for {@code days} (1 to 365), with all its owner's rights. */
    @PreAuthorize("isAuthenticated()")
    NewToken create(String name, int days);

    /** A new token for the signed-in user, valid for {@code days} (1 to 365), limited as {@code scope} says. */
    @PreAuthorize("isAuthenticated()")
    NewToken create(String name, int days, Scope scope);

    @PreAuthorize("isAuthenticated()")
    List<TokenSummary> mine();

    /** Everyone's tokens, for an admin who must revoke one. */
    @PreAuthorize("hasRole('ADMIN')")
    List<TokenSummary> all();

    /** Revokes one of the signed-in user's tokens; an admin may revoke anyone's. */
    @PreAuthorize("isAuthenticated()")
    void revoke(long id);

    /** The owner's authentication if the token is valid now; for the filters that accept tokens. */
    Optional<Authentication> authenticate(String token);

    /**
     * What a token may do beyond reading, which is never more than its owner may.
     *
     * @param team only this team's projects (and nothing Plate-wide, administration included)
     * @param readOnly nothing but reading: the role of a VIEWER
     */
    record Scope(Optional<String> team, boolean readOnly) {

        public static final Scope FULL = new Scope(Optional.empty(), false);

        public Scope {
            team = team == null ? Optional.empty() : team.map(String::strip).filter(name -> !name.isEmpty());
        }

        /** "payments, read-only", or "all of its owner's rights". */
        public String describe() {
            if (team.isEmpty() && !readOnly) {
                return "all of its owner's rights";
            }
            return team.map(name -> "team " + name).orElse("") + (team.isPresent() && readOnly ? ", " : "")
                    + (readOnly ? "read-only" : "");
        }
    }

    /** @param token the secret itself: shown once, never stored */
    record NewToken(TokenSummary summary, String token) {}

    /** @param prefix the token's first characters, to recognise it without revealing it */
    record TokenSummary(long id, String owner, String name, String prefix, Instant createdAt, Instant expiresAt,
            Optional<Instant> revokedAt, Optional<Instant> lastUsedAt, Scope scope) {

        public boolean activeAt(Instant now) {
            return revokedAt.isEmpty() && now.isBefore(expiresAt);
        }
    }
}
