package dev.plate.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/** Writes answers as Argo CD's gateway does, and records every exchange for the swagger check. */
final class ArgoCdAnswers {

    private static final String JSON = "application/json";

    private final List<FakeArgoCdServer.Recorded> recorded = new CopyOnWriteArrayList<>();

    List<FakeArgoCdServer.Recorded> recorded() {
        return List.copyOf(recorded);
    }

    void json(LoopbackHttpServer.Exchange exchange, int status, JsonNode body) throws IOException {
        record(exchange, status, JSON, false, List.of(body));
        exchange.respond(status, JSON, ArgoCdJson.JSON.writeValueAsBytes(body));
    }

    /** grpc-gateway's own refusals (no route, wrong method) are plain text; a proxy in front answers HTML. */
    void text(LoopbackHttpServer.Exchange exchange, int status, String text) throws IOException {
        String type = text.startsWith("<html>") ? "text/html" : "text/plain; charset=utf-8";
        record(exchange, status, type, false, List.of(ArgoCdJson.JSON.getNodeFactory().stringNode(text)));
        exchange.respond(status, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream that fails before its first line: the error's status, {"error": …} and no line break. */
    void streamError(LoopbackHttpServer.Exchange exchange, int status, String message) {
        var body = ArgoCdJson.streamError(status, message);
        exchange.startStream(status, JSON);
        record(exchange, status, JSON, true, List.of(body));
        exchange.writeChunk(ArgoCdJson.JSON.writeValueAsBytes(body));
    }

    /** A 200 stream; the list it returns collects the lines as they are written. */
    List<JsonNode> stream(LoopbackHttpServer.Exchange exchange) {
        var written = new CopyOnWriteArrayList<JsonNode>();
        exchange.startStream(200, JSON);
        record(exchange, 200, JSON, true, written);
        return written;
    }

    /** A simulated failure: the gateway's error for a status it can produce, else what a proxy in front sends. */
    void failure(LoopbackHttpServer.Exchange exchange, int status, boolean stream) throws IOException {
        String message = "simulated failure " + status;
        if (!ArgoCdJson.gatewayCanAnswer(status)) {
            text(exchange, status, "<html><body><h1>" + status + " " + ArgoCdJson.reason(status) + "</h1></body></html>");
        } else if (stream) {
            streamError(exchange, status, message);
        } else {
            json(exchange, status, ArgoCdJson.runtimeError(status, message));
        }
    }

    private void record(LoopbackHttpServer.Exchange exchange, int status, String type, boolean streamed,
            List<JsonNode> responses) {
        String body = exchange.body.length == 0 ? null : new String(exchange.body, StandardCharsets.UTF_8);
        recorded.add(new FakeArgoCdServer.Recorded(exchange.method, exchange.path, exchange.query,
                exchange.header("Content-Type"), body, status, type, streamed, responses));
    }
}
