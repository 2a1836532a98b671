package dev.plate.support;

import java.time.Duration;
import java.time.Instant;

/**
 * The double's own time, so log lines and events carry distinct, ordered timestamps with nanoseconds (as the
 * kubelet writes them) and a test can move time on to try sinceSeconds without sleeping.
 */
final class ArgoCdClock {

    /** Between two log lines: a second and a little, so timeStampStr shows its nanoseconds. */
    private static final Duration STEP = Duration.ofSeconds(1, 123_457);

    private Instant now = Instant.parse("2026-12-02T16:00:00.123456789Z");

    synchronized Instant now() {
        return now;
    }

    /** The time of a new line or event; the clock moves on past it. */
    synchronized Instant tick() {
        Instant time = now;
        now = now.plus(STEP);
        return time;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
