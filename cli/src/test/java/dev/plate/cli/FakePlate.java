package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plate's API stood in for on loopback, answering every request alike, and the CLI run against it with its own
 * streams: a terminal (or not) whose input holds what the person would type.
 */
final class FakePlate implements AutoCloseable {

    record Request(String method, String path, String body) {

        Map<String, Object> json() {
            try {
                return JSON.std.mapFrom(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    record Run(int exit, String out, String err) {}

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Path config;
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String answer = "{}";

    FakePlate(Path config) throws IOException {
        this.config = config;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    void answers(int status, String body) {
        this.status = status;
        this.contentType = status >= 400 ? "application/problem+json" : "application/json";
        this.answer = body;
    }

    /** The CLI as a script runs it: no terminal, nothing on stdin. */
    Run run(String... args) {
        return run(false, "", args);
    }

    Run run(boolean interactive, String typed, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var env = Map.of("PLATE_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "PLATE_TOKEN", "plate_test",
                "XDG_CONFIG_HOME", config.toString(), "NO_COLOR", "1");
        var terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), env, interactive);
        int exit = Plate.run(terminal, args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
