package dev.plate.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins of one account from one source address, and that source's lock. Each attempt is counted before
 * its password is checked, so attempts racing in parallel are counted too.
 */
final class Attempts {

    private int failures;
    private Instant lockedUntil;
    private Instant lastSuccessAt;

    Attempts(int failures, Instant lockedUntil, Instant lastSuccessAt) {
        this.failures = failures;
        this.lockedUntil = lockedUntil;
        this.lastSuccessAt = lastSuccessAt;
    }

    static Attempts none() {
        return new Attempts(0, null, null);
    }

    /** The end of the lock when the attempt is refused: locked, or as many attempts as allowed already made. */
    Optional<Instant> begin(int maxFailures, Duration lockDuration, Instant now) {
        if (lockedAt(now)) {
            return Optional.of(lockedUntil);
        }
        if (failures >= maxFailures) {
            lock(lockDuration, now);
            return Optional.of(lockedUntil);
        }
        failures++;
        return Optional.empty();
    }

    /** The attempt failed; the lock's end if it is now locked. */
    Optional<Instant> failed(int maxFailures, Duration lockDuration, Instant now) {
        if (!lockedAt(now) && failures >= maxFailures) {
            lock(lockDuration, now);
        }
        return lockedAt(now) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** The password was right; refused (the lock's end) if parallel failures locked this source meanwhile. */
    Optional<Instant> succeeded(Instant now) {
        if (lockedAt(now)) {
            return Optional.of(lockedUntil);
        }
        failures = 0;
        lockedUntil = null;
        lastSuccessAt = now;
        return Optional.empty();
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** This source signed in to the account lately: an account-wide lock others caused does not keep it out. */
    boolean trustedAt(Instant now, Duration trust) {
        return lastSuccessAt != null && lastSuccessAt.plus(trust).isAfter(now);
    }

    private void lock(Duration lockDuration, Instant now) {
        lockedUntil = now.plus(lockDuration);
        failures = 0;
    }

    int failures() {
        return failures;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant lastSuccessAt() {
        return lastSuccessAt;
    }
}
