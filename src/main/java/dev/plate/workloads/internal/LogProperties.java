package dev.plate.workloads.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read logs, and what a followed stream costs.
 *
 * @param maintainerOnly environments whose logs only a MAINTAINER (or an admin) may read, a DEVELOPER elsewhere
 *     ({@code PLATE_LOGS_MAINTAINER_ONLY=prod}): production logs can hold customers' data
 * @param idleTimeout how long a followed stream stays open upstream after its last reader left
 * @param buffer how many recent lines a followed stream keeps for a reader who joins it
 */
@ConfigurationProperties("plate.logs")
record LogProperties(@DefaultValue("") List<String> maintainerOnly, @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("1000") int buffer) {}
