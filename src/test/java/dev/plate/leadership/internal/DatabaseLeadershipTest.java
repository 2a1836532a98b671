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
        var first = new DatabaseLeadership(jdbc, clock, lease);
        var second = new DatabaseLeadership(jdbc, clock, lease);

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
        var first = new DatabaseLeadership(jdbc, clock, lease);
        var second = new DatabaseLeadership(jdbc, clock, lease);
        first.start();
        second.start();

        first.stop();
        second.renew();

        assertThat(first.isLeader()).isFalse();
        assertThat(second.isLeader()).isTrue();
    }

    @Test
    void aLeaderThatDiesIsReplacedOnceItsLeaseRunsOut() {
        var first = new DatabaseLeadership(jdbc, clock, lease);
        var second = new DatabaseLeadership(jdbc, clock, lease);
        first.start();
        second.start();

        clock.advance(DatabaseLeadership.LEASE.minusSeconds(1)); // first has crashed: it renews no more
        second.renew();
        assertThat(second.isLeader()).as("not while the lease still runs").isFalse();

        clock.advance(Duration.ofSeconds(2));
        second.renew();
        assertThat(second.isLeader()).isTrue();
        first.renew(); // the old leader comes back: it must not think it still leads
        assertThat(first.isLeader()).isFalse();
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
