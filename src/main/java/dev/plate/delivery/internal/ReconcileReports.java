package dev.plate.delivery.internal;

import dev.plate.delivery.ReconcileReport;
import dev.plate.settings.Settings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last reconcile's report, kept where every instance reads it (a setting row: the leader writes it, the
 * dashboard of any instance shows it), and as metrics: {@code plate_argocd_prune_paused} (1 while deletions wait
 * for an admin), {@code plate_argocd_orphans}, {@code plate_argocd_conflicts}, {@code plate_argocd_pending_removals}.
 */
@Component
class ReconcileReports {

    static final String SETTING = "reconcile.argocd-report";
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Duration FRESH = Duration.ofSeconds(2);

    private final Settings settings;
    private final Clock clock;
    private volatile Optional<ReconcileReport> cached = Optional.empty();
    private volatile Instant readAt = Instant.MIN;

    ReconcileReports(Settings settings, Clock clock, MeterRegistry registry) {
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("plate.argocd.prune.paused", () -> last().filter(r -> r.paused().isPresent()).isPresent() ? 1 : 0)
                .description("1 while deletions of Argo CD objects wait for an admin's decision").register(registry);
        Gauge.builder("plate.argocd.orphans", () -> last().map(r -> r.orphans().size()).orElse(0))
                .description("Objects of this Plate's in Argo CD with no project in Plate").register(registry);
        Gauge.builder("plate.argocd.conflicts", () -> last().map(r -> r.conflicts().size()).orElse(0))
                .description("Objects Plate wants whose names another owner's objects hold").register(registry);
        Gauge.builder("plate.argocd.pending.removals", () -> last().map(r -> r.pendingRemovals().size()).orElse(0))
                .description("Removed projects whose Argo CD objects are not all gone yet").register(registry);
    }

    void store(ReconcileReport report) {
        settings.put(Map.of(SETTING, Optional.of(JSON.writeValueAsString(report))), Set.of(), "plate");
        cached = Optional.of(report);
        readAt = clock.instant();
    }

    Optional<ReconcileReport> last() {
        if (readAt.plus(FRESH).isBefore(clock.instant())) {
            cached = settings.get(SETTING).map(json -> JSON.readValue(json, ReconcileReport.class));
            readAt = clock.instant();
        }
        return cached;
    }
}
