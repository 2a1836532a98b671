package dev.plate.leadership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.PlateTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances on one (real PostgreSQL) database: one leads, the other takes over when it stops or dies. */
@PlateTest
class DatabaseLeadershipTest {

    @Autowired
    JdbcTemplate jdbc;

    String lease = "test-" + UUID.randomUUID();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));

    @BeforeEach
    void createLease() {
        jdbc.update("insert into leader_lease (name, holder, expires_at) values (?, 'nobody', ?)", lease,
                Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")));
    }

    @Test
    void exactlyOneOfTwoInstancesLeads() {
        var first = leadership(clock);
        var second = leadership(clock);

        first.start();
        second.start();
        first.renew();
        second.renew();

        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();
        assertThat(jdbc.queryForObject("select holder from leader_lease where name = ?", String.class, lease))
                .isEqualTo(first.instanceId());
    }

    @Test
    void aStoppedLeaderHandsOverAtOnce() {
        var first = leadership(clock);
        var second = leadership(clock);
        first.start();
        second.start();

        first.stop();
        second.renew();

        assertThat(first.isLeader()).isFalse();
        assertThat(second.isLeader()).isTrue();
    }

    @Test
    void aLeaderThatDiesIsReplacedOnceItsLeaseRunsOut() {
        var first = leadership(clock);
        var second = leadership(clock);
        first.start();
        second.start();

        clock.advance(DatabaseLeadership.LEASE.minusSeconds(1)); // first has crashed: it renews no more
        second.renew();
        assertThat(second.isLeader()).as("not while the lease still runs").isFalse();
        assertThat(first.isLeader()).as("a leader whose renewals stalled stops leading before the lease ends")
                .isFalse();

        clock.advance(Duration.ofSeconds(2));
        second.renew();
        assertThat(second.isLeader()).isTrue();
        first.renew(); // the old leader comes back: it must not think it still leads
        assertThat(first.isLeader()).isFalse();
    }

    /**
     * A leader task far longer than the lease neither loses the lease (it is renewed on its own thread) nor lets a
     * second instance lead meanwhile; when the leader's renewals then stop, it stops leading before the other one
     * takes over. Real threads and a real clock, sampled all along.
     */
    @Test
    void one_leader_at_a_time_through_a_slow_leader_task_and_a_stalled_renewal() throws Exception {
        Duration lease = Duration.ofMillis(1500);
        var firstScheduler = scheduler("first-lease-");
        var secondScheduler = scheduler("second-lease-");
        var first = new DatabaseLeadership(jdbc, Clock.systemUTC(), firstScheduler, this.lease, lease);
        var second = new DatabaseLeadership(jdbc, Clock.systemUTC(), secondScheduler, this.lease, lease);
        var work = scheduler("first-work-");
        var tasks = new ScheduledLeaderTasks(first, work, Clock.systemUTC());
        var overlaps = new java.util.concurrent.atomic.AtomicInteger();
        var firstLed = new java.util.concurrent.atomic.AtomicInteger();
        var sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        var sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                boolean a = first.isLeader();
                boolean b = second.isLeader();
                if (a && b) {
                    overlaps.incrementAndGet();
                }
                if (a) {
                    firstLed.incrementAndGet();
                }
                Thread.onSpinWait();
            }
        });
        var slowTaskEnded = new java.util.concurrent.CountDownLatch(1);
        try {
            first.start();
            second.start();
            assertThat(first.isLeader()).isTrue();
            tasks.start();
            tasks.every("slow reconcile", Duration.ZERO, Duration.ofHours(1), () -> {
                long until = System.nanoTime() + lease.multipliedBy(3).toNanos();
                while (System.nanoTime() < until) {
                    assertThat(first.isLeader()).as("the lease outlives a slow task").isTrue();
                    Thread.onSpinWait();
                }
                slowTaskEnded.countDown();
            });
            assertThat(slowTaskEnded.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(second.isLeader()).isFalse();

            firstScheduler.shutdown(); // the leader's renewals stall, without it handing over
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
        } finally {
            sampling.set(false);
            sampler.join();
            tasks.stop();
            work.shutdown();
            firstScheduler.shutdown();
            second.stop();
            secondScheduler.shutdown();
        }
        assertThat(first.isLeader()).isFalse();
        assertThat(firstLed.get()).isPositive();
        assertThat(overlaps.get()).as("samples where both instances led").isZero();
    }

    /** An instance whose renewals happen only when the test calls {@code renew()}. */
    private DatabaseLeadership leadership(Clock clock) {
        return new DatabaseLeadership(jdbc, clock, new NeverScheduler(), lease, DatabaseLeadership.LEASE);
    }

    /** Accepts every schedule and never runs it. */
    static final class NeverScheduler implements org.springframework.scheduling.TaskScheduler {
        private static final java.util.concurrent.ScheduledExecutorService NEVER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());

        private static java.util.concurrent.ScheduledFuture<?> never() {
            return NEVER.schedule(() -> { }, 3650, java.util.concurrent.TimeUnit.DAYS);
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task,
                org.springframework.scheduling.Trigger trigger) {
            return never();
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            return never();
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime,
                Duration period) {
            return never();
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            return never();
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime,
                Duration delay) {
            return never();
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            return never();
        }
    }

    private static org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler(String prefix) {
        var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix(prefix);
        scheduler.initialize();
        return scheduler;
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
