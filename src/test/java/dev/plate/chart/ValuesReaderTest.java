package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Reading a values file gives back the configuration that wrote it: what recovery from Git relies on. */
class ValuesReaderTest {

    static Stream<Arguments> every() {
        return Stream.concat(ChartRenderingTest.configurations(), ChartRenderingTest.combinations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("every")
    void a_written_configuration_reads_back_equal(String name, AppConfig config) {
        byte[] values = new ValuesWriter().write(ChartRenderingTest.PROJECT, config);
        assertThat(ValuesReader.read(ChartRenderingTest.PROJECT, values)).isEqualTo(config);
        var project = ValuesReader.project("web-app", values, List.of());
        assertThat(project).isEqualTo(ChartRenderingTest.PROJECT);
    }

    @Test
    void addons_and_their_nested_values_read_back() {
        var project = new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("postgresql", "oci://registry-1.docker.io/bitnamicharts", "16.4.0"),
                        new ChartDependency("redis", "oci://registry-1.docker.io/bitnamicharts", "20.0.0")));
        var config = AppConfig.initial("1.0.0", "/").withAddons(Map.of("postgresql", new AppConfig.Addon(true,
                Map.of("auth.database", "shop", "primary.persistence.size", "8Gi", "note", "{{ literal }}: #"))));
        byte[] values = new ValuesWriter().write(project, config);
        assertThat(ValuesReader.read(project, values)).isEqualTo(config);
    }

    @Test
    void an_older_or_hand_edited_file_reads_with_the_charts_defaults_and_keys_plate_does_not_write_are_no_obstacle() {
        String older = """
                image: {repository: ghcr.io/acme/web-app, tag: "1.2.0"}
                replicaCount: "2"
                containerPort: 8080
                env: {PORT: 8080, DEBUG: true}
                resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: null}}
                probes: {path: /healthz}
                secretEnv: [null]
                extraPorts: [null, {name: metrics, port: 9090}]
                worker: {enabled: true, command: bin/worker}
                nodeSelector: {disktype: ssd}
                """;

        var config = ValuesReader.read(ChartRenderingTest.PROJECT, older.getBytes(StandardCharsets.UTF_8));

        assertThat(config.imageTag()).isEqualTo("1.2.0");
        assertThat(config.replicas()).isEqualTo(2);
        assertThat(config.env()).containsExactlyInAnyOrderEntriesOf(Map.of("PORT", "8080", "DEBUG", "true"));
        assertThat(config.resources()).isEqualTo(new AppConfig.Resources("1", "1Gi", "", ""));
        assertThat(config.probes()).isEqualTo(new AppConfig.Probes("/healthz", true, true));
        assertThat(config.autoscaling()).isEqualTo(AppConfig.Autoscaling.DISABLED);
        assertThat(config.networkPolicy()).isEqualTo(AppConfig.NetworkPolicy.DISABLED);
        assertThat(config.secretEnv()).isEmpty();
        assertThat(config.extraPorts()).containsExactlyEntriesOf(Map.of("metrics", 9090));
        assertThat(config.worker()).isEqualTo(new AppConfig.Worker(true, List.of("bin/worker"), 1));
    }

    @Test
    void an_add_on_switch_reads_as_before_and_a_list_where_plate_writes_strings_reads_as_none() {
        var project = new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("postgresql", "oci://registry-1.docker.io/bitnamicharts", "16.4.0"),
                        new ChartDependency("redis", "oci://registry-1.docker.io/bitnamicharts", "20.0.0")));
        String file = """
                image: {repository: ghcr.io/acme/web-app, tag: "1.0.0"}
                resources: {requests: {cpu: 100m, memory: 128Mi}}
                postgresql: {enabled: 1, auth: {database: shop}, extra: [a, b]}
                redis: {enabled: "True"}
                """;

        var addons = ValuesReader.read(project, file.getBytes(StandardCharsets.UTF_8)).addons();

        assertThat(addons.get("postgresql")).isEqualTo(new AppConfig.Addon(true, Map.of("auth.database", "shop",
                "extra", "")));
        assertThat(addons).doesNotContainKey("redis");
    }

    @Test
    void a_value_of_the_wrong_shape_is_refused_naming_the_project() {
        assertThatThrownBy(() -> ValuesReader.read(ChartRenderingTest.PROJECT,
                "image: {repository: r, tag: \"1\"}\nreplicaCount: {three: 3}\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("web-app")
                .hasMessageContaining("replicaCount");
    }

    @Test
    void a_damaged_values_file_is_refused_with_the_project_named() {
        assertThatThrownBy(() -> ValuesReader.read(ChartRenderingTest.PROJECT,
                "image: [unclosed".getBytes(StandardCharsets.UTF_8))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("web-app");
        assertThatThrownBy(() -> ValuesReader.read(ChartRenderingTest.PROJECT,
                "replicaCount: 500\nimage: {repository: r, tag: \"1\"}\nprobes: {path: /}\nresources: {requests: {cpu: 1, memory: 1Gi}}"
                        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("eplicas");
    }
}
