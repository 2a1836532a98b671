package dev.plate.tokens.internal;

import dev.plate.audit.AuditLog;
import dev.plate.security.Role;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ServiceAccounts;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service accounts are ordinary rows of {@code plate_user} (so an admin sees them and can disable one) whose
 * password is 32 random bytes, hashed and forgotten at once. Their tokens are {@code api_token} rows like a
 * person's, so the embedded Git server and the API accept them the same way.
 */
@Service
@Transactional
class JdbcServiceAccounts implements ServiceAccounts {

    private final JdbcTemplate jdbc;
    private final JdbcApiTokens tokens;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JdbcServiceAccounts(JdbcTemplate jdbc, JdbcApiTokens tokens, PasswordEncoder passwords, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String account, String displayName, Role role, String tokenName, Duration lifetime) {
        Instant now = clock.instant();
        if (jdbc.queryForList("select id from plate_user where username = ?", Long.class, account).isEmpty()) {
            jdbc.update("insert into plate_user (username, display_name, role, password_hash, enabled, failed_logins, "
                    + "created_at, updated_at, version) values (?, ?, ?, ?, true, 0, ?, ?, 0)", account, displayName,
                    role.name(), passwords.encode(secret()), Timestamp.from(now), Timestamp.from(now));
            audit.record("plate", "user.created", "user:" + account, "service account (" + role + "): " + displayName);
        }
        var issued = tokens.insert(account, tokenName, lifetime, "plate");
        return new IssuedToken(issued.id(), issued.token(), issued.expiresAt());
    }

    @Override
    public void revokeOthers(String account, long keepTokenId) {
        int revoked = jdbc.update("update api_token set revoked_at = ? where revoked_at is null and id <> ? and user_id = "
                + "(select id from plate_user where username = ?)", Timestamp.from(clock.instant()), keepTokenId, account);
        if (revoked > 0) {
            audit.record("plate", "token.revoked", "user:" + account, revoked + " replaced token(s)");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> validUntil(String account, String token) {
        if (token == null || !token.startsWith(ApiTokens.PREFIX)) {
            return Optional.empty();
        }
        return jdbc.query("select t.expires_at from api_token t join plate_user u on u.id = t.user_id where "
                + "t.token_hash = ? and u.username = ? and u.enabled = true and t.revoked_at is null and t.expires_at > ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), JdbcApiTokens.hash(token), account,
                Timestamp.from(clock.instant())).stream().findFirst();
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
