package dev.plate.argocdserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What {@code kubectl logs} would refuse is refused before Argo CD is asked, naming the field. */
class LogQueryTest {

    @Test
    void durationsAreReadAsKubectlWritesThem() {
        assertThat(LogQuery.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LogQuery.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(LogQuery.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(LogQuery.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(LogQuery.duration("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> LogQuery.duration("ten minutes")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("e.g. 30s, 10m").extracting("field").isEqualTo("since");
    }

    @Test
    void badValuesAreRefusedWithTheFieldNamed() {
        assertRefused(() -> LogQuery.of("Shop_1", null, false, false, null, null, null), "pod");
        assertRefused(() -> LogQuery.of(null, "app;rm", false, false, null, null, null), "container");
        assertRefused(() -> LogQuery.of(null, null, false, false, Duration.ZERO, null, null), "since");
        assertRefused(() -> LogQuery.of(null, null, false, false, Duration.ofDays(31), null, null), "since");
        assertRefused(() -> LogQuery.of(null, null, false, false, null, 0, null), "tail");
        assertRefused(() -> LogQuery.of(null, null, false, false, null, 10_001, null), "tail");
        assertRefused(() -> LogQuery.of(null, null, false, false, null, null, "a\nb"), "filter");
        assertRefused(() -> LogQuery.of(null, null, true, true, null, null, null), "previous");
    }

    @Test
    void blanksMeanNotGivenAndTheLiveKeyIgnoresHistory() {
        var query = LogQuery.of(" ", "", true, false, Duration.ofMinutes(5), 20, " error ");
        assertThat(query.pod()).isEmpty();
        assertThat(query.container()).isEmpty();
        assertThat(query.filter()).hasValue("error");
        assertThat(query.live()).isEqualTo(LogQuery.of(null, null, true, false, null, null, "error"));
    }

    private static void assertRefused(Runnable attempt, String field) {
        assertThatThrownBy(attempt::run).isInstanceOf(ValidationException.class).extracting("field").isEqualTo(field);
    }
}
