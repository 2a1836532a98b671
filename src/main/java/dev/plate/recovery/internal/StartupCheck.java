package dev.plate.recovery.internal;

import dev.plate.base.UnavailableException;
import dev.plate.deployment.StartupGate;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the start-up comparison of Git and the database ({@link InterruptedChanges}) is done. Until it is, a
 * change would build on a row that Git has overtaken (an interrupted change) and silently undo it: so every commit
 * waits for it (briefly, then 503 with Retry-After), and readiness stays DOWN (the readiness group includes this
 * check), so a load balancer sends no traffic yet.
 */
@Component("startupCheck")
class StartupCheck implements StartupGate, HealthIndicator {

    static final Duration WAIT = Duration.ofSeconds(5);

    private volatile CountDownLatch done = new CountDownLatch(1);
    private volatile String detail = "Comparing the config repository with the database";

    /** As just started: the comparison is to be done again (tests start Plate only once per context). */
    void restarted() {
        done = new CountDownLatch(1);
        detail = "Comparing the config repository with the database";
    }

    void completed(String summary) {
        detail = summary;
        done.countDown();
    }

    void failed(String why) {
        detail = "The start-up comparison failed and is retried: " + why;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits a little for the comparison; refuses (503) if it takes longer. */
    @Override
    public void requireDone() {
        try {
            if (!done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new UnavailableException("Plate is still comparing the config repository with its database "
                        + "after starting (" + detail + "); nothing was changed. Try again in a few seconds.",
                        Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while waiting for the start-up check.", Duration.ofSeconds(5), e);
        }
    }

    @Override
    public Health health() {
        return (isDone() ? Health.up() : Health.outOfService()).withDetail("startup", detail).build();
    }
}
