package dev.plate.approvals.internal;

import dev.plate.approvals.RequestState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code plate_requests_pending} (counted at each expiry sweep, not on every scrape), {@code
 * plate_requests_time_to_approve_seconds} (asked to committed) and {@code plate_requests_ended_total{state}}.
 */
@Component
class RequestMetrics {

    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final Timer timeToApprove;

    RequestMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        Gauge.builder("plate.requests.pending", pending, AtomicLong::get)
                .description("Deployment requests waiting for approvals").register(registry);
        this.timeToApprove = Timer.builder("plate.requests.time.to.approve")
                .description("From a deployment request to its commit, once approved").register(registry);
    }

    void count() {
        pending.set(jdbc.queryForObject("select count(*) from deployment_request where state = 'PENDING'", Long.class));
    }

    void ended(RequestState state, Duration sinceAsked) {
        Counter.builder("plate.requests.ended").tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                .description("Deployment requests by how they ended").register(registry).increment();
        if (state == RequestState.COMMITTED) {
            timeToApprove.record(sinceAsked);
        }
    }
}
