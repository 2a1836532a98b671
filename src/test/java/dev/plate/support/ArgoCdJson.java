package dev.plate.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How Argo CD's API server writes JSON: its gateway marshals with Go's encoding/json (util/grpc/json.go), so
 * times are metav1.Time (RFC 3339 in whole seconds, null when zero), fields tagged omitempty are left out when
 * empty, and errors take grpc-gateway v1's two shapes: runtimeError for one answer, {"error": StreamError} for a
 * stream.
 */
final class ArgoCdJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** HTTP status to the gRPC code the gateway maps to it (runtime.HTTPStatusFromCode, reversed). */
    private static final Map<Integer, Integer> GRPC_CODES = Map.of(400, 3, 401, 16, 403, 7, 404, 5, 409, 6, 429, 8,
            500, 13, 501, 12, 503, 14, 504, 4);

    private ArgoCdJson() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** metav1.Time's JSON: whole seconds, UTC. */
    static String time(Instant instant) {
        return SECONDS.format(instant);
    }

    /** Go's time.RFC3339Nano: nanoseconds with trailing zeros trimmed (not Java's groups of three). */
    static String timeNano(Instant instant) {
        String seconds = time(instant);
        if (instant.getNano() == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", instant.getNano()).replaceFirst("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
    }

    static boolean gatewayCanAnswer(int httpStatus) {
        return GRPC_CODES.containsKey(httpStatus);
    }

    static int grpcCode(int httpStatus) {
        return GRPC_CODES.getOrDefault(httpStatus, 2);
    }

    /** grpc-gateway's runtime.Error, as DefaultHTTPError writes it for a unary call. */
    static ObjectNode runtimeError(int httpStatus, String message) {
        return object().put("error", message).put("code", grpcCode(httpStatus)).put("message", message);
    }

    /** What ForwardResponseStream writes when a stream fails: {"error": StreamError}, no line break after it. */
    static ObjectNode streamError(int httpStatus, String message) {
        var error = object().put("grpc_code", grpcCode(httpStatus)).put("http_code", httpStatus)
                .put("message", message).put("http_status", reason(httpStatus));
        var envelope = object();
        envelope.set("error", error);
        return envelope;
    }

    /** Go's http.StatusText for the statuses this double answers with. */
    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }
}
