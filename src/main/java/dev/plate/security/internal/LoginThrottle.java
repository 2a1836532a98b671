package dev.plate.security.internal;

import dev.plate.audit.AuditLog;
import dev.plate.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts login attempts per account in the database, under a row lock, so the limit holds across instances,
 * restarts and attempts sent in parallel; locks the account for a while once the limit is reached. Each
 * method returns the end of the lock when the attempt must be refused.
 */
@Component
class LoginThrottle {

    private final UserAccountRepository accounts;
    private final SecurityProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    LoginThrottle(UserAccountRepository accounts, SecurityProperties properties, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Before the password is checked. Unknown usernames are not tracked. */
    @Transactional
    public Optional<Instant> begin(String username) {
        return accounts.findForUpdateByUsername(username).flatMap(account -> {
            boolean wasLocked = account.lockedAt(clock.instant());
            var refused = account.beginLoginAttempt(properties.maxFailedLogins(), properties.lockDuration(),
                    clock.instant());
            if (refused.isPresent() && !wasLocked) {
                auditLocked(username);
            }
            return refused;
        });
    }

    @Transactional
    public Optional<Instant> failed(String username) {
        return accounts.findForUpdateByUsername(username).flatMap(account -> {
            boolean wasLocked = account.lockedAt(clock.instant());
            var locked = account.loginFailed(properties.maxFailedLogins(), properties.lockDuration(), clock.instant());
            if (locked.isPresent() && !wasLocked) {
                auditLocked(username);
            }
            return locked;
        });
    }

    @Transactional
    public Optional<Instant> succeeded(String username) {
        return accounts.findForUpdateByUsername(username).flatMap(account -> account.loginSucceeded(clock.instant()));
    }

    Duration remaining(Instant until) {
        return Duration.between(clock.instant(), until);
    }

    private void auditLocked(String username) {
        audit.record(username, "user.locked", "user:" + username,
                properties.maxFailedLogins() + " failed logins; locked for " + minutes(properties.lockDuration()));
    }

    static String minutes(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
