package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Plate's API stood in for on loopback, answering every request alike (or a path with answers of its own, in turn,
 * or a stream written over time), and the CLI run against it with its own streams: a terminal (or not) whose
 * input holds what the person would type, and whose output a test can wait for while the command still runs.
 */
final class FakePlate implements AutoCloseable {

    /** @param query as sent (percent-encoded), null when there is none */
    record Request(String method, String path, String body, String query) {

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
    private final Map<String, Deque<String>> answersByPath = new ConcurrentHashMap<>();
    private final Map<String, Streamer> streams = new ConcurrentHashMap<>();
    private volatile Screen screen = new Screen();

    /** Writes a streamed answer piece by piece, each sent at once (a chunk), as a server's streaming does. */
    interface Streamer {
        void write(Chunks out) throws IOException, InterruptedException;
    }

    interface Chunks {
        void send(String text) throws IOException;
    }

    FakePlate(Path config) throws IOException {
        this.config = config;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestURI().getRawQuery()));
            var streamer = streams.get(path);
            if (streamer != null) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                var body = exchange.getResponseBody();
                try {
                    streamer.write(text -> {
                        body.write(text.getBytes(StandardCharsets.UTF_8));
                        body.flush();
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
                return;
            }
            var inTurn = answersByPath.get(path);
            String text = inTurn == null ? answer : inTurn.size() > 1 ? inTurn.poll() : inTurn.peek();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", inTurn == null ? contentType : "application/json");
            exchange.sendResponseHeaders(inTurn == null ? status : 200, bytes.length == 0 ? -1 : bytes.length);
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

    /** {@code path} (the query aside) answers these JSON bodies in turn, the last one from then on. */
    void answers(String path, String... bodies) {
        answersByPath.put(path, new ConcurrentLinkedDeque<>(List.of(bodies)));
    }

    /** {@code path} answers with a {@code text/event-stream} that {@code streamer} writes. */
    void streams(String path, Streamer streamer) {
        streams.put(path, streamer);
    }

    /** Whether the command running now has printed {@code text} on stdout, waiting at most five seconds for it. */
    boolean printed(String text) throws InterruptedException {
        return screen.shows(text, Duration.ofSeconds(5));
    }

    /** The CLI as a script runs it: no terminal, nothing on stdin. */
    Run run(String... args) {
        return run(false, "", args);
    }

    Run run(boolean interactive, String typed, String... args) {
        return run(new Screen(), interactive, typed, args);
    }

    private Run run(Screen out, boolean interactive, String typed, String... args) {
        screen = out;
        var err = new ByteArrayOutputStream();
        var env = Map.of("PLATE_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "PLATE_TOKEN", "plate_test",
                "XDG_CONFIG_HOME", config.toString(), "NO_COLOR", "1");
        var terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), env, interactive);
        int exit = Plate.run(terminal, args);
        return new Run(exit, out.text(), err.toString(StandardCharsets.UTF_8));
    }

    /** The CLI running on a thread of its own, for what runs until Ctrl-C (a watch). */
    final class Running {
        private final Thread thread;
        private volatile Run run;

        Running(String... args) {
            var out = new Screen();
            screen = out; // before it starts: a test may wait for its output at once
            thread = new Thread(() -> run = FakePlate.this.run(out, false, "", args), "plate " + String.join(" ", args));
            thread.start();
        }

        /** Interrupts the command, as close to Ctrl-C as a test gets, and waits until it has ended. */
        Run stop() throws InterruptedException {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10).toMillis());
            if (thread.isAlive()) {
                throw new AssertionError("still running after an interrupt");
            }
            return run;
        }
    }

    /** Stdout, which can be waited for: a fake answer or a test holds on until the CLI has printed something. */
    private static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        synchronized boolean shows(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!text().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
