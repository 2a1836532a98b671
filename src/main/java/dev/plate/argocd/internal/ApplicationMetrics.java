package dev.plate.argocd.internal;

import dev.plate.argocd.ApplicationStatuses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code plate_applications{sync,health}}: how many Plate applications Argo CD reports in each state, counted
 * from the status store every few seconds rather than on every scrape; and {@code plate_argocd_watching} (1 while
 * the watch on Argo CD is live).
 */
@Component
class ApplicationMetrics {

    private final ApplicationStatuses statuses;
    private final MultiGauge applications;

    ApplicationMetrics(ApplicationStatuses statuses, MeterRegistry registry) {
        this.statuses = statuses;
        this.applications = MultiGauge.builder("plate.applications")
                .description("Plate applications by Argo CD sync and health status").register(registry);
        Gauge.builder("plate.argocd.watching", statuses,
                        s -> s.connection().state() == ApplicationStatuses.Connection.State.LIVE ? 1 : 0)
                .description("1 while Plate's watch on Argo CD's Applications is live").register(registry);
    }

    @Scheduled(initialDelay = 1_000, fixedDelay = 15_000)
    void count() {
        var counts = statuses.all().stream().collect(Collectors.groupingBy(
                status -> List.of(status.sync(), status.health()), Collectors.counting()));
        applications.register(counts.entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("sync", entry.getKey().get(0), "health", entry.getKey().get(1)),
                        entry.getValue()))
                .collect(Collectors.toList()), true);
    }
}
