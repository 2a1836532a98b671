package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Habits people bring from other CLIs: {@code --server}/{@code --token} for one command, the environment after the
 * project ({@code plate deploy web dev}), and JSON that shows the same keys as YAML (nulls included).
 */
class CommandLineHabitsTest {

    @TempDir
    Path config;

    HttpServer server;
    String body = "[]";
    final List<String> requests = new ArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int plate(Map<String, String> env, String... args) {
        var all = new HashMap<>(env);
        all.put("XDG_CONFIG_HOME", config.toString());
        return Plate.run(new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), all, false),
                args);
    }

    @Test
    void server_and_token_flags_stand_for_one_command_and_win_over_the_environment() {
        int exit = plate(Map.of("PLATE_URL", "http://127.0.0.1:1", "PLATE_TOKEN", "plate_from_env"), "projects",
                "--server", url(), "--token", "plate_from_flag");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(requests).singleElement().asString().startsWith("GET /api/v1/projects Bearer plate_from_flag");
    }

    /** The stored login is for its own server: pointed elsewhere, the CLI sends no token rather than that one. */
    @Test
    void the_stored_login_is_never_sent_to_another_server() throws IOException {
        java.nio.file.Files.createDirectories(config.resolve("plate"));
        java.nio.file.Files.writeString(config.resolve("plate/config.json"), "{\"url\":\"http://127.0.0.1:1\","
                + "\"token\":\"stored-login\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}");

        int elsewhere = plate(Map.of(), "projects", "--server", url());

        assertThat(elsewhere).isEqualTo(ExitCode.AUTH);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Not logged in to " + url());
        assertThat(requests).isEmpty();

        java.nio.file.Files.writeString(config.resolve("plate/config.json"), "{\"url\":\"" + url() + "/\","
                + "\"token\":\"stored-login\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}");
        assertThat(plate(Map.of(), "projects", "--server", url())).isZero();
        assertThat(requests).singleElement().asString().contains("Bearer stored-login");
    }

    @Test
    void the_environment_may_follow_the_project() {
        body = "{\"id\":7,\"project\":\"web\",\"environment\":\"dev\",\"state\":\"COMMITTED\",\"toRevision\":\"abc\"}";

        int exit = plate(Map.of("PLATE_URL", url(), "PLATE_TOKEN", "plate_t"), "deploy", "web", "dev", "--image",
                "1.2.0", "-o", "json");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(requests).singleElement().asString().startsWith("POST /api/v1/deploy Bearer plate_t")
                .contains("\"environment\":\"dev\"");
    }

    @Test
    void an_environment_given_twice_or_not_at_all_is_a_usage_error_and_sends_nothing() {
        assertThat(plate(Map.of("PLATE_URL", url(), "PLATE_TOKEN", "t"), "deploy", "web", "dev", "-e", "prod",
                "--image", "1")).isEqualTo(ExitCode.USAGE);
        assertThat(plate(Map.of("PLATE_URL", url(), "PLATE_TOKEN", "t"), "rollback", "web")).isEqualTo(ExitCode.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Two environments given (dev and -e prod)")
                .contains("Name the environment: plate rollback PROJECT ENV (or -e ENV)");
        assertThat(requests).isEmpty();
    }

    @Test
    void json_shows_null_fields_as_yaml_does() {
        body = "[{\"name\":\"web\",\"sourceRepoUrl\":null,\"owners\":[]}]";

        plate(Map.of("PLATE_URL", url(), "PLATE_TOKEN", "t"), "projects", "-o", "json");
        String json = out.toString(StandardCharsets.UTF_8);
        out.reset();
        plate(Map.of("PLATE_URL", url(), "PLATE_TOKEN", "t"), "projects", "-o", "yaml");
        String yaml = out.toString(StandardCharsets.UTF_8);

        assertThat(json).contains("\"sourceRepoUrl\" : null");
        assertThat(yaml).contains("sourceRepoUrl: null");
    }
}
