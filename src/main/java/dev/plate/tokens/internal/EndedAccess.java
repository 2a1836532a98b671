package dev.plate.tokens.internal;

import dev.plate.audit.AuditLog;
import dev.plate.security.AccessEnded;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends, for good, the credentials of an account whose access ended. Its access tokens are revoked rather than only
 * refused while it is disabled: an account is often disabled because a credential leaked, and enabling it again
 * (or its groups giving access again) must not bring that credential back. Each revoked token is audited with the
 * reason, and shows as revoked in the token lists. CLI sign-ins approved but not yet collected are dropped too. Its
 * login tokens need nothing here: they carry a fingerprint of when access last ended ({@link JwtLoginTokens}).
 */
@Component
class EndedAccess {

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    EndedAccess(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the transaction that ends the access: the account is never disabled with its tokens still alive. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void revokeCredentials(AccessEnded ended) {
        var tokens = jdbc.query("select t.id, t.name, t.token_prefix from api_token t join plate_user u on u.id = "
                + "t.user_id where u.username = ? and t.revoked_at is null order by t.id", (rs, i) -> new Token(
                rs.getLong(1), rs.getString(2), rs.getString(3)), ended.username());
        var now = Timestamp.from(clock.instant());
        for (var token : tokens) {
            if (jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null", now,
                    token.id()) == 1) {
                audit.record(ended.actor(), "token.revoked", "user:" + ended.username(), "token '" + token.name()
                        + "' (" + token.prefix() + "…): " + ended.reason());
            }
        }
        jdbc.update("delete from cli_login_code where username = ?", ended.username());
        jdbc.update("delete from cli_device_code where username = ?", ended.username());
    }

    private record Token(long id, String name, String prefix) {}
}
