package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.plate.base.ValidationException;
import dev.plate.support.Helm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Add-on charts with the real helm: a project declares a dependency on a chart served from a chart repository on
 * loopback (packaged and indexed by helm here), {@code helm dependency build} fetches it as Argo CD's repo server
 * would, and each environment's values turn it on or leave it off.
 */
class ChartDependencyRenderingTest {

    @TempDir
    static Path repositoryDir;
    @TempDir
    Path dir;

    static HttpServer server;
    static String repositoryUrl;

    @BeforeAll
    static void aChartRepository() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        repositoryUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/charts";
        Path source = repositoryDir.resolve("src/cache");
        Files.createDirectories(source.resolve("templates"));
        for (String file : List.of("Chart.yaml", "values.yaml", "templates/deployment.yaml")) {
            try (var in = ChartDependencyRenderingTest.class.getResourceAsStream("/charts/cache/" + file)) {
                Files.write(source.resolve(file), in.readAllBytes());
            }
        }
        Path served = Files.createDirectories(repositoryDir.resolve("served"));
        Helm.helm("package", source.toString(), "--destination", served.toString());
        Helm.helm("repo", "index", served.toString(), "--url", repositoryUrl);
        server.createContext("/charts/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring("/charts/".length())).normalize();
            if (!file.startsWith(served) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    ProjectChart project() {
        return new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("cache", repositoryUrl, "^1.0.0")));
    }

    @Test
    void an_addon_is_fetched_and_rendered_where_an_environment_turns_it_on_and_only_there() throws IOException {
        Path chart = writeChart();
        JsonNode chartYaml = YAMLMapper.builder().build().readTree(Files.readString(chart.resolve("Chart.yaml")));
        assertThat(chartYaml.at("/dependencies/0/name").asString()).isEqualTo("cache");
        assertThat(chartYaml.at("/dependencies/0/repository").asString()).isEqualTo(repositoryUrl);
        assertThat(chartYaml.at("/dependencies/0/condition").asString()).isEqualTo("cache.enabled");
        assertThat(chartYaml.at("/name").asString()).isEqualTo("web-app");
        Helm.helm("dependency", "build", chart.toString());

        var on = AppConfig.initial("1.0.0", "/").withAddons(Map.of("cache", new AppConfig.Addon(true,
                Map.of("replicas", "2", "auth.password", "{{ .Values.not.helm }}: # literal"))));
        var objects = render(chart, on);
        var cache = objects.stream().filter(o -> o.at("/metadata/name").asString().equals("web-app-cache")).toList();
        assertThat(cache).hasSize(1);
        assertThat(cache.getFirst().at("/spec/template/spec/containers/0/env/0/value").asString())
                .isEqualTo("{{ .Values.not.helm }}: # literal");
        ChartRenderingTest.assertValid("cache on", objects);

        var off = AppConfig.initial("1.0.0", "/");
        assertThat(render(chart, off)).extracting(o -> o.at("/metadata/name").asString())
                .doesNotContain("web-app-cache").contains("web-app");
        Path values = dir.resolve("values-off.yaml");
        Files.write(values, new ValuesWriter().write(project(), off));
        Helm.lint(chart, values);
    }

    @Test
    void an_environment_may_only_configure_declared_addons_with_well_formed_paths() {
        var undeclared = AppConfig.initial("1.0.0", "/").withAddons(Map.of("redis", new AppConfig.Addon(true, null)));
        assertThatThrownBy(() -> AppConfigRules.validate(project(), undeclared)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'redis' is not an add-on of web-app; it declares cache");
        var conflicting = AppConfig.initial("1.0.0", "/").withAddons(Map.of("cache", new AppConfig.Addon(true,
                Map.of("auth", "x", "auth.password", "y"))));
        assertThatThrownBy(() -> AppConfigRules.validate(project(), conflicting)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'auth' is set as a value");
        assertThatThrownBy(() -> AppConfigRules.validate(new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("image", repositoryUrl, "1.0.0"))))).hasMessageContaining("key of Plate's chart");
        assertThatThrownBy(() -> AppConfigRules.validate(new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("db", "https://user:pw@charts.example.com", "1.0.0")))))
                .hasMessageContaining("without credentials");
        assertThatThrownBy(() -> AppConfigRules.validate(new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080,
                List.of(new ChartDependency("db", "oci://registry-1.docker.io/bitnamicharts", "1.0\n0")))))
                .hasMessageContaining("version");
    }

    private Path writeChart() throws IOException {
        Path chart = dir.resolve("web-app");
        for (var file : new ChartGenerator().chart(project(), "1.0.0").entrySet()) {
            Path target = chart.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return chart;
    }

    private List<JsonNode> render(Path chart, AppConfig config) throws IOException {
        Path values = dir.resolve("values-env.yaml");
        Files.write(values, new ValuesWriter().write(project(), config));
        return Helm.objects(chart, values, "web-app", "web-app-dev");
    }
}
