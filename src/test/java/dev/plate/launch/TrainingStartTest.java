package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A server is never stopped by the training switch unless it records a cache: this JVM has no
 * {@code -XX:AOTCacheOutput}, so asking, by argument or by the environment, starts no training (which would end this
 * very JVM, the test's, within a second).
 */
class TrainingStartTest {

    @Test
    void the_switch_is_ignored_by_a_jvm_that_records_no_cache() {
        try (var context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("env",
                    Map.of(TrainingStart.PROPERTY, "true")));
            context.refresh();
            for (String[] args : new String[][] {{"--" + TrainingStart.PROPERTY + "=true"}, {}}) {
                new TrainingStart().atReady(new ApplicationReadyEvent(new SpringApplication(), args, context,
                        Duration.ZERO));
                assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals(
                        "training"));
                assertThat(context.isActive()).isTrue();
            }
        }
    }
}
