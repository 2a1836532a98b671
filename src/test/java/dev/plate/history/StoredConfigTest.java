package dev.plate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigJson;
import org.junit.jupiter.api.Test;

/** A deployment's stored configuration, read when asked for: the same configuration as reading it at once. */
class StoredConfigTest {

    final AppConfig config = AppConfig.initial("1.4.2", "/healthz");

    @Test
    void reads_the_configuration_it_was_stored_as_once() {
        var stored = DeploymentRecord.StoredConfig.json(AppConfigJson.write(config));

        assertThat(stored.value()).isEqualTo(config);
        assertThat(stored.value()).as("read once, then kept").isSameAs(stored.value());
        assertThat(stored).isEqualTo(DeploymentRecord.StoredConfig.json(AppConfigJson.write(config)))
                .hasSameHashCodeAs(DeploymentRecord.StoredConfig.json(AppConfigJson.write(config)));
        assertThat(stored).isNotEqualTo(DeploymentRecord.StoredConfig.json(AppConfigJson.write(
                AppConfig.initial("1.4.3", "/healthz"))));
    }

    @Test
    void unreadable_json_fails_when_the_configuration_is_asked_for() {
        var stored = DeploymentRecord.StoredConfig.json("{not json");

        assertThatThrownBy(stored::value).isInstanceOf(RuntimeException.class);
    }
}
