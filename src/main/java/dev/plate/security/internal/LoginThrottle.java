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
 * Counts failed logins per account in the database, so the limit holds across instances and restarts, and
 * locks the account for a while once the limit is reached.
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

    /** When the account is locked now, the instant the lock ends. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return accounts.findByUsername(username).filter(account -> account.lockedAt(now))
                .flatMap(UserAccount::lockedUntil);
    }

    /** Returns the end of the lock when this failure locked the account. */
    @Transactional
    public Optional<Instant> recordFailure(String username) {
        Instant now = clock.instant();
        return accounts.findForUpdateByUsername(username).flatMap(account -> {
            if (!account.recordFailedLogin(properties.maxFailedLogins(), properties.lockDuration(), now)) {
                return Optional.empty();
            }
            audit.record(username, "user.locked", "user:" + username,
                    properties.maxFailedLogins() + " failed logins; locked for " + minutes(properties.lockDuration()));
            return account.lockedUntil();
        });
    }

    @Transactional
    public void recordSuccess(String username) {
        accounts.findForUpdateByUsername(username).ifPresent(account -> account.recordSuccessfulLogin(clock.instant()));
    }

    Duration remaining(Instant until) {
        return Duration.between(clock.instant(), until);
    }

    static String minutes(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
