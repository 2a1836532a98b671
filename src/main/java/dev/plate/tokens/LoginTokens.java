package dev.plate.tokens;

import dev.plate.security.Role;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * What {@code plate login} receives: a signed token (a JWT) for a username and password, valid for a few hours
 * ({@code plate.security.login-token-lifetime}). It names the user and the role they had when it was issued;
 * each request still checks the account, so a changed role applies at once, and a reset or changed password or a
 * disable ends the tokens issued before it for good (enabling the account again does not revive them). For CI, where
 * nobody types a password, use {@link ApiTokens} instead.
 */
public interface LoginTokens {

    /**
     * Checks the password as the login page does (failures count towards the account's lock) and issues a token.
     *
     * @throws org.springframework.security.core.AuthenticationException when the credentials are refused
     */
    IssuedToken issue(String username, String password);

    /** The user's current authentication if the token is one Plate signed, unexpired, for an enabled account. */
    Optional<Authentication> authenticate(String token);

    /** @param token the JWT itself; Plate does not keep it */
    record IssuedToken(String token, String username, Role role, Instant expiresAt) {}
}
