package dev.plate.history.internal;

import dev.plate.history.DeploymentKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code plate_rollbacks_total}: how often do we roll back (outcomes are counted where they are decided). */
@Component
class DeploymentMetrics {

    private final MeterRegistry registry;

    DeploymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void committed(DeploymentKind kind) {
        if (kind == DeploymentKind.ROLLBACK) {
            Counter.builder("plate.rollbacks").description("Rollbacks committed").register(registry).increment();
        }
    }
}
