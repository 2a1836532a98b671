package dev.plate.approvals.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires the requests nobody approved in time, and withdraws those of removed projects. On every instance: each request expires once, whoever gets to it
 * (the update is conditional), so no leader is needed.
 */
@Component
class RequestExpiry {

    private final JdbcDeploymentRequests requests;

    RequestExpiry(JdbcDeploymentRequests requests) {
        this.requests = requests;
    }

    @Scheduled(initialDelayString = "${plate.approvals.expiry-sweep-interval:60s}",
            fixedDelayString = "${plate.approvals.expiry-sweep-interval:60s}")
    void sweep() {
        requests.cancelOrphans();
        requests.expireOverdue();
    }
}
