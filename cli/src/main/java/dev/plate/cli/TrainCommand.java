package dev.plate.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * Hidden: the launcher's training run for the class-data archive. It goes through what real commands load (the
 * command tree, an HTTP round trip to a server on loopback inside this process, JSON both ways, the table and the
 * YAML writer), so the archive made from it serves every command. It touches no network and no config.
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements java.util.concurrent.Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String body = "[{\"name\":\"web\",\"imageRepository\":\"r\",\"containerPort\":8080,\"healthPath\":\"/\","
                + "\"owners\":[],\"environments\":[{\"name\":\"dev\",\"imageTag\":\"1\",\"lastDeployment\":1,"
                + "\"state\":\"SUCCEEDED\",\"sync\":\"Synced\",\"health\":\"Healthy\",\"message\":null}]}]";
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            var terminal = new Terminal(sink, sink, new ByteArrayInputStream(new byte[0]),
                    Map.of("PLATE_URL", url, "PLATE_TOKEN", "plate_train", "XDG_CONFIG_HOME", "/nonexistent"), false);
            for (String[] args : new String[][] {{"status"}, {"status", "-o", "json"}, {"status", "-o", "yaml"},
                {"projects"}, {"history", "web"}, {"deploy", "--help"}, {"resources", "web", "dev"},
                {"events", "web", "dev"}, {"logs", "web", "dev"},
                {"import", "--dry-run", "--yes", "--image-repository", "web", "."}}) {
                Plate.run(terminal, args);
            }
            new Api(url, Optional.of("plate_train")).post("/deploy", Map.of("project", "web"));
        } catch (CliException | ClassCastException expected) {
            // the fake answers are not all shaped like the real ones; only the loaded classes matter
        } finally {
            server.stop(0);
        }
        return ExitCode.OK;
    }
}
