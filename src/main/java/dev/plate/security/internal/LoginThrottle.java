package dev.plate.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.plate.audit.AuditLog;
import dev.plate.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account <em>and source address</em>, in the database under the account's row lock
 * (so the limit holds across instances, restarts and attempts sent in parallel). Too many from one address lock
 * that address out of the account: an anonymous caller guessing at the admin's password locks out itself, never
 * the admin. Ten times as many from anywhere lock the account too, but not for addresses that signed in to it in
 * the last 30 days. An unknown username gets exactly the answers a known one would (counted in memory), so the
 * answers never tell which accounts exist. Each method returns the end of the lock when the attempt is refused.
 */
@Component
class LoginThrottle {

    static final int ACCOUNT_FACTOR = 10;
    static final Duration TRUST = Duration.ofDays(30);

    private final UserAccountRepository accounts;
    private final LoginSources sources;
    private final SecurityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final Cache<String, Attempts> unknown;

    LoginThrottle(UserAccountRepository accounts, LoginSources sources, SecurityProperties properties, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.sources = sources;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.unknown = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.lockDuration().multipliedBy(2)).build();
    }

    /** Before the password is checked. */
    @Transactional
    public Optional<Instant> begin(String username, String source) {
        Instant now = clock.instant();
        var found = accounts.findForUpdateByUsername(username);
        if (found.isEmpty()) {
            return unknown(username, source, attempts -> attempts.begin(max(), lock(), now));
        }
        var account = found.get();
        var attempts = sources.load(account.id(), source);
        boolean sourceWasLocked = attempts.lockedAt(now);
        var refused = attempts.begin(max(), lock(), now);
        if (refused.isEmpty() && !attempts.trustedAt(now, TRUST)) {
            boolean accountWasLocked = account.lockedAt(now);
            refused = account.beginLoginAttempt(max() * ACCOUNT_FACTOR, lock(), now);
            if (refused.isPresent() && !accountWasLocked) {
                auditAccountLocked(username);
            }
        }
        if (!sourceWasLocked && attempts.lockedAt(now)) {
            auditSourceLocked(username, source);
        }
        sources.save(account.id(), source, attempts, now);
        return refused;
    }

    @Transactional
    public Optional<Instant> failed(String username, String source) {
        Instant now = clock.instant();
        var found = accounts.findForUpdateByUsername(username);
        if (found.isEmpty()) {
            return unknown(username, source, attempts -> attempts.failed(max(), lock(), now));
        }
        var account = found.get();
        var attempts = sources.load(account.id(), source);
        boolean sourceWasLocked = attempts.lockedAt(now);
        var locked = attempts.failed(max(), lock(), now);
        if (!attempts.trustedAt(now, TRUST)) {
            boolean accountWasLocked = account.lockedAt(now);
            var accountLock = account.loginFailed(max() * ACCOUNT_FACTOR, lock(), now);
            if (accountLock.isPresent() && !accountWasLocked) {
                auditAccountLocked(username);
            }
            locked = locked.or(() -> accountLock);
        }
        if (!sourceWasLocked && attempts.lockedAt(now)) {
            auditSourceLocked(username, source);
        }
        sources.save(account.id(), source, attempts, now);
        return locked;
    }

    /** The password was right: refused if a lock came down meanwhile (parallel failures). */
    @Transactional
    public Optional<Instant> succeeded(String username, String source) {
        Instant now = clock.instant();
        var found = accounts.findForUpdateByUsername(username);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var account = found.get();
        var attempts = sources.load(account.id(), source);
        if (account.lockedAt(now) && !attempts.trustedAt(now, TRUST)) {
            return account.lockedUntil();
        }
        var refused = attempts.succeeded(now);
        if (refused.isEmpty()) {
            account.signedIn(now);
        }
        sources.save(account.id(), source, attempts, now);
        return refused;
    }

    /** An administrator lifted the locks: the account's and every address's. */
    void unlocked(long userId) {
        sources.unlockAll(userId);
    }

    /** Addresses not seen for two months are forgotten (a trust older than 30 days means nothing anyway). */
    @Scheduled(initialDelay = 60_000, fixedDelay = 6 * 3_600_000)
    @Transactional
    public void forgetOldSources() {
        sources.forgetOlderThan(clock.instant().minus(Duration.ofDays(60)));
    }

    Duration remaining(Instant until) {
        return Duration.between(clock.instant(), until);
    }

    private Optional<Instant> unknown(String username, String source,
            java.util.function.Function<Attempts, Optional<Instant>> step) {
        var attempts = unknown.get(username + "\u0000" + source, key -> Attempts.none());
        synchronized (attempts) {
            return step.apply(attempts);
        }
    }

    private int max() {
        return properties.maxFailedLogins();
    }

    private Duration lock() {
        return properties.lockDuration();
    }

    private void auditSourceLocked(String username, String source) {
        audit.record(username, "user.locked", "user:" + username, max() + " failed sign-ins from " + source
                + "; that address is locked out of the account for " + minutes(lock()));
    }

    private void auditAccountLocked(String username) {
        audit.record(username, "user.locked", "user:" + username, max() * ACCOUNT_FACTOR + " failed sign-ins from "
                + "several addresses; locked for " + minutes(lock()) + " for addresses that have not signed in lately");
    }

    static String minutes(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
