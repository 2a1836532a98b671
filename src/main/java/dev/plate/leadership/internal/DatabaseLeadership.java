package dev.plate.leadership.internal;

import dev.plate.leadership.Leadership;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * A lease in the database every instance already shares: the holder renews it every few seconds on a thread of
 * its own; when it stops (crash, shutdown, lost database), another instance takes it over once it has expired.
 * One conditional UPDATE per renewal, so it works the same on PostgreSQL and H2 and needs no Kubernetes
 * permissions.
 *
 * <p>Leading is a local fact with an end: a renewal that succeeds lets this instance lead until a margin before
 * the expiry it wrote, measured from before it asked. So an instance whose renewals stall (a pause, a lost
 * database, a starved thread) stops leading before the lease can pass to another — never two leaders at once.
 */
@Component
class DatabaseLeadership implements Leadership, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLeadership.class);
    static final Duration LEASE = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final String instanceId;
    private final String lease;
    private final Duration duration;
    private volatile Instant leadsUntil = Instant.MIN;
    private volatile boolean leading;
    private volatile boolean running;
    private ScheduledFuture<?> renewal;

    @Autowired
    DatabaseLeadership(JdbcTemplate jdbc, Clock clock, LeaderThreads threads) {
        this(jdbc, clock, threads.lease(), "plate", LEASE);
    }

    DatabaseLeadership(JdbcTemplate jdbc, Clock clock, TaskScheduler scheduler, String lease, Duration duration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = scheduler;
        this.lease = lease;
        this.duration = duration;
        String host = System.getenv().getOrDefault("HOSTNAME", "plate");
        this.instanceId = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean isLeader() {
        return clock.instant().isBefore(leadsUntil);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    void renew() {
        if (!running) {
            return;
        }
        Instant asked = clock.instant();
        boolean held;
        try {
            held = jdbc.update("update leader_lease set holder = ?, expires_at = ? where name = ? "
                    + "and (holder = ? or expires_at < ?)", instanceId, Timestamp.from(asked.plus(duration)), lease,
                    instanceId, Timestamp.from(asked)) == 1;
        } catch (DataAccessException e) {
            // Without the database this instance cannot know whether another one leads: it stops leading.
            held = false;
            LOG.warn("Could not renew the leader lease: {}", e.getMessage());
        }
        // A fifth of the lease is left for clocks that differ a little between instances.
        leadsUntil = held ? asked.plus(duration.minus(duration.dividedBy(5))) : Instant.MIN;
        if (held != leading) {
            LOG.info(held ? "This instance ({}) now leads background work" : "This instance ({}) no longer leads",
                    instanceId);
        }
        leading = held;
    }

    @Override
    public void start() {
        running = true;
        renew();
        // Three renewals per lease: one missed renewal never loses it.
        renewal = scheduler.scheduleWithFixedDelay(this::renew, clock.instant().plus(duration.dividedBy(3)),
                duration.dividedBy(3));
    }

    @Override
    public void stop() {
        running = false;
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
        if (leading) {
            leading = false;
            leadsUntil = Instant.MIN;
            // Hand over at once rather than after the lease runs out; but a database that is gone must not hold up
            // the shutdown (the lease then simply runs out).
            var release = Thread.ofVirtual().name("leader-release").start(() -> {
                try {
                    jdbc.update("update leader_lease set expires_at = ? where name = ? and holder = ?",
                            Timestamp.from(clock.instant().minusSeconds(1)), lease, instanceId);
                } catch (DataAccessException e) {
                    LOG.warn("Could not release the leader lease: {}", e.getMessage());
                }
            });
            try {
                release.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100; // up before, and down after, the work that asks for it
    }
}
