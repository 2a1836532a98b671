package dev.plate.leadership.internal;

import dev.plate.leadership.Leadership;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A lease in the database every instance already shares: the holder renews it every few seconds; when it stops
 * (crash, shutdown, lost database), another instance takes it over once it has expired. One conditional UPDATE
 * per renewal, so it works the same on PostgreSQL and H2 and needs no Kubernetes permissions.
 */
@Component
class DatabaseLeadership implements Leadership, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLeadership.class);
    static final Duration LEASE = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String instanceId;
    private final String lease;
    private volatile boolean leader;
    private volatile boolean running;

    @org.springframework.beans.factory.annotation.Autowired
    DatabaseLeadership(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, "plate");
    }

    DatabaseLeadership(JdbcTemplate jdbc, Clock clock, String lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        String host = System.getenv().getOrDefault("HOSTNAME", "plate");
        this.instanceId = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void renew() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        boolean held;
        try {
            held = jdbc.update("update leader_lease set holder = ?, expires_at = ? where name = ? "
                    + "and (holder = ? or expires_at < ?)", instanceId, Timestamp.from(now.plus(LEASE)), lease,
                    instanceId, Timestamp.from(now)) == 1;
        } catch (DataAccessException e) {
            // Without the database this instance cannot know whether another one leads: it stops leading.
            held = false;
            LOG.warn("Could not renew the leader lease: {}", e.getMessage());
        }
        if (held != leader) {
            LOG.info(held ? "This instance ({}) now leads background work" : "This instance ({}) no longer leads",
                    instanceId);
        }
        leader = held;
    }

    @Override
    public void start() {
        running = true;
        renew();
    }

    @Override
    public void stop() {
        running = false;
        if (leader) {
            leader = false;
            try {
                // Hand over at once rather than after the lease runs out.
                jdbc.update("update leader_lease set expires_at = ? where name = ? and holder = ?",
                        Timestamp.from(clock.instant().minusSeconds(1)), lease, instanceId);
            } catch (DataAccessException e) {
                LOG.warn("Could not release the leader lease: {}", e.getMessage());
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
