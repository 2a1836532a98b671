package dev.plate.security.internal;

import dev.plate.audit.AuditLog;
import dev.plate.security.Role;
import dev.plate.security.ServiceUsers;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service account's password is 32 random bytes, hashed and forgotten at once: it signs in by token only. */
@Service
@Transactional
class JdbcServiceUsers implements ServiceUsers {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JdbcServiceUsers(JdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void ensure(String username, String displayName, Role role) {
        if (!jdbc.queryForList("select id from plate_user where username = ?", Long.class, username).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("insert into plate_user (username, display_name, role, password_hash, enabled, failed_logins, "
                + "created_at, updated_at, version) values (?, ?, ?, ?, true, 0, ?, ?, 0)", username, displayName,
                role.name(), passwords.encode(secret()), Timestamp.from(now), Timestamp.from(now));
        audit.record("plate", "user.created", "user:" + username, "service account (" + role + "): " + displayName);
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
