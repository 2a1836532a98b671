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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plate projects} reads every page the server gives, however many projects there are. */
class PagesTest {

    static final int TOTAL = 1_002;

    @TempDir
    Path config;

    HttpServer server;
    final List<String> requests = new ArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean unpagedServer;

    /** Pages as Plate's API gives them: name order, {@code size} at most, counted from page 1. */
    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            requests.add(query);
            Map<String, String> params = java.util.Arrays.stream(query.split("&"))
                    .collect(Collectors.toMap(p -> p.substring(0, p.indexOf('=')), p -> p.substring(p.indexOf('=') + 1)));
            int size = unpagedServer ? TOTAL : Integer.parseInt(params.get("size"));
            int page = unpagedServer ? 1 : Integer.parseInt(params.get("page"));
            String body = IntStream.range((page - 1) * size, Math.min(page * size, TOTAL))
                    .mapToObj(i -> "{\"name\":\"p" + i + "\",\"owners\":[]}")
                    .collect(Collectors.joining(",", "[", "]"));
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

    /** A server from before paging answers every page with the whole list: read once, not forever. */
    @Test
    void a_server_that_does_not_page_is_read_once() {
        unpagedServer = true;

        int exit = Plate.run(terminal(), "projects", "-o", "json");

        assertThat(exit).isZero();
        assertThat(requests).as("more than a page at once: it does not page").hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8).split("\"name\"", -1)).hasSize(TOTAL + 1);
    }

    Terminal terminal() {
        return new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of("PLATE_URL", "http://127.0.0.1:"
                        + server.getAddress().getPort(), "PLATE_TOKEN", "plate_test", "XDG_CONFIG_HOME",
                        config.toString()), false);
    }

    @Test
    void every_page_is_read_once_and_in_order() {
        var terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of("PLATE_URL", "http://127.0.0.1:"
                        + server.getAddress().getPort(), "PLATE_TOKEN", "plate_test", "XDG_CONFIG_HOME",
                        config.toString()), false);

        int exit = Plate.run(terminal, "projects", "-o", "json", "-q", "p");

        assertThat(exit).isZero();
        assertThat(requests).containsExactly("q=p&size=500&page=1", "q=p&size=500&page=2", "q=p&size=500&page=3");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\"p0\"", "\"p500\"", "\"p1001\"");
        assertThat(printed.split("\"name\"", -1)).hasSize(TOTAL + 1);
    }

    @Test
    void a_status_filter_is_sent_with_every_page() {
        int exit = Plate.run(terminal(), "projects", "-o", "json", "--status", "degraded");

        assertThat(exit).isZero();
        assertThat(requests).first().isEqualTo("status=degraded&size=500&page=1");
        assertThat(requests).allMatch(query -> query.startsWith("status=degraded&"));
    }
}
