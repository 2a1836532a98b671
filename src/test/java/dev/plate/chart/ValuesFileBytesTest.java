package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.yaml comes out byte for byte as it did (files in {@code src/test/resources/values-files}, written by the
 * hand-made mapping before the typed {@link ChartValues} replaced it): an unchanged configuration must never make a
 * commit, and a reviewer reading a diff must see only what changed.
 */
class ValuesFileBytesTest {

    static Stream<Arguments> named() {
        var wanted = List.of("minimal", "everything on", "secrets from an external store",
                "ingress without TLS, no limits");
        return ChartRenderingTest.configurations().filter(arguments -> wanted.contains((String) arguments.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void a_values_file_is_written_exactly_as_before(String name, AppConfig config) throws IOException {
        String file = name.replaceAll("[^A-Za-z0-9]+", "_") + ".yaml";

        String written = new String(new ValuesWriter().write(ChartRenderingTest.PROJECT, config), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(expected(file));
    }

    @Test
    void add_on_sections_are_written_exactly_as_before() throws IOException {
        var project = new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("postgresql", "oci://registry-1.docker.io/bitnamicharts", "16.4.0"),
                        new ChartDependency("redis", "oci://registry-1.docker.io/bitnamicharts", "20.0.0")));
        var config = AppConfig.initial("1.0.0", "/").withAddons(Map.of("postgresql", new AppConfig.Addon(true,
                Map.of("auth.database", "shop", "primary.persistence.size", "8Gi", "note", "{{ literal }}: #"))));

        assertThat(new String(new ValuesWriter().write(project, config), StandardCharsets.UTF_8))
                .isEqualTo(expected("addons.yaml"));
    }

    private static String expected(String file) throws IOException {
        try (var in = ValuesFileBytesTest.class.getResourceAsStream("/values-files/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
