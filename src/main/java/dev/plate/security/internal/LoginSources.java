package dev.plate.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per account and source address, the {@link Attempts} of known accounts, in the database (every instance counts
 * the same). Read and written under the account's row lock, so parallel attempts are serialised.
 */
@Component
class LoginSources {

    private final JdbcTemplate jdbc;

    LoginSources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Attempts load(long userId, String source) {
        return jdbc.query("select failures, locked_until, last_success_at from login_source where user_id = ? "
                + "and source = ?", rs -> rs.next() ? new Attempts(rs.getInt(1), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3))) : Attempts.none(), userId, source);
    }

    void save(long userId, String source, Attempts attempts, Instant now) {
        Object[] values = {attempts.failures(), timestamp(attempts.lockedUntil()), timestamp(attempts.lastSuccessAt()),
            Timestamp.from(now), userId, source};
        if (jdbc.update("update login_source set failures = ?, locked_until = ?, last_success_at = ?, updated_at = ? "
                + "where user_id = ? and source = ?", values) == 0) {
            jdbc.update("insert into login_source (failures, locked_until, last_success_at, updated_at, user_id, "
                    + "source) values (?, ?, ?, ?, ?, ?)", values);
        }
    }

    /** An administrator unlocked the account: every source may try again (their trust is kept). */
    void unlockAll(long userId) {
        jdbc.update("update login_source set failures = 0, locked_until = null where user_id = ?", userId);
    }

    /** Sources that neither failed nor signed in for a long time are forgotten. */
    int forgetOlderThan(Instant cutoff) {
        return jdbc.update("delete from login_source where updated_at < ? and (last_success_at is null "
                + "or last_success_at < ?)", Timestamp.from(cutoff), Timestamp.from(cutoff));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
