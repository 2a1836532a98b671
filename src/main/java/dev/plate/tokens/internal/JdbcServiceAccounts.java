package dev.plate.tokens.internal;

import dev.plate.audit.AuditLog;
import dev.plate.security.Role;
import dev.plate.security.ServiceUsers;
import dev.plate.tokens.ApiTokens;
import dev.plate.tokens.ServiceAccounts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service accounts are users made by {@link ServiceUsers} (so an admin sees them and can disable one). Their tokens
 * are {@code api_token} rows like a person's, so the embedded Git server and the API accept them the same way.
 */
@Service
@Transactional
class JdbcServiceAccounts implements ServiceAccounts {

    private final JdbcTemplate jdbc;
    private final JdbcApiTokens tokens;
    private final ServiceUsers users;
    private final AuditLog audit;
    private final Clock clock;

    JdbcServiceAccounts(JdbcTemplate jdbc, JdbcApiTokens tokens, ServiceUsers users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String account, String displayName, Role role, String tokenName, Duration lifetime) {
        users.ensure(account, displayName, role);
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
                + "t.token_hash = ? and u.username = ? and u.enabled = true and t.revoked_at is null and t.expires_at > ? "
                // As authenticating it does (JdbcApiTokens): one made while the account's access ended is not valid.
                + "and (u.access_ended_at is null or t.created_at > u.access_ended_at)",
                (rs, i) -> rs.getTimestamp(1).toInstant(), JdbcApiTokens.hash(token), account,
                Timestamp.from(clock.instant())).stream().findFirst();
    }
}
