package dev.plate.delivery.internal;

import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * "How often do deployments work, and how long do they take": {@code plate_deployments_total{result,kind}} and
 * {@code plate_deployment_duration_seconds} (commit to synced and healthy, or to failure).
 */
@Component
class OutcomeMetrics {

    private final MeterRegistry registry;

    OutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(DeploymentKind kind, DeploymentState state, Duration took) {
        String result = state.name().toLowerCase(Locale.ROOT);
        Counter.builder("plate.deployments").description("Deployments by outcome")
                .tag("result", result).tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry).increment();
        if (state == DeploymentState.SUCCEEDED || state == DeploymentState.FAILED) {
            Timer.builder("plate.deployment.duration").description("From commit to synced and healthy, or to failure")
                    .tag("result", result).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(1))
                    .register(registry).record(took);
        }
    }
}
