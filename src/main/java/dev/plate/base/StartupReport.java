package dev.plate.base;

import java.time.Duration;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Where start-up goes, for whoever makes it faster: with {@code PLATE_STARTUP_REPORT=true} Spring records every
 * step (bean creation, configuration parsing, the context's refresh) and the slowest are logged once Plate runs.
 * Off by default: recording costs a little time and memory itself.
 */
public final class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private static final int SHOWN = 30;

    private StartupReport() {}

    /** Records the start-up steps of this application when asked to by the environment. */
    public static void recordIfAsked(SpringApplication application) {
        if (!"true".equalsIgnoreCase(System.getenv("PLATE_STARTUP_REPORT"))
                && !Boolean.getBoolean("plate.startup-report")) {
            return;
        }
        var startup = new BufferingApplicationStartup(20_000);
        application.setApplicationStartup(startup);
        application.addListeners((org.springframework.boot.context.event.ApplicationReadyEvent ready) ->
                log(startup.getBufferedTimeline()));
    }

    private static void log(StartupTimeline timeline) {
        var report = new StringBuilder("The slowest start-up steps (each includes the steps inside it):");
        timeline.getEvents().stream().sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration)
                .reversed()).limit(SHOWN).forEach(event -> {
                    var step = event.getStartupStep();
                    var tags = new StringBuilder();
                    step.getTags().forEach(tag -> tags.append(' ').append(tag.getKey()).append('=')
                            .append(tag.getValue()));
                    report.append(String.format("%n%7d ms  %s%s", event.getDuration().toMillis(), step.getName(),
                            tags));
                });
        report.append(String.format("%nfrom %s, %s in all", timeline.getStartTime(),
                Duration.between(timeline.getStartTime(), java.time.Instant.now())));
        log.info("{}", report);
    }
}
