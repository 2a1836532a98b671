package dev.plate.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Argo CD's published API (../shared/contracts/argocd/swagger.json, Swagger 2.0) as a judge of one exchange: the
 * method and path exist, every query parameter sent is declared for that operation and has its type, a body is
 * sent as exactly application/json, the status is documented (errors fall to "default", runtimeError), and every
 * answer — every line of a stream — has the shape of the promised definition, unknown fields included.
 */
public final class ArgoCdServerSwagger {

    /**
     * Where Argo CD's gateway writes JSON unlike its swagger: it marshals with Go's encoding/json, so a zero
     * metav1.Time or MicroTime is null (an error line of a log stream has "timeStamp": null; a core/v1 event has
     * "eventTime": null), and a MicroTime is an RFC 3339 string although the swagger says {seconds, nanos}.
     */
    private static final Set<String> GO_TIMES = Set.of("v1Time", "v1MicroTime");

    private final JsonNode swagger;
    private final Map<Pattern, String> templates = new LinkedHashMap<>();

    public ArgoCdServerSwagger() {
        swagger = JsonMapper.builder().build().readTree(Contracts.dir().resolve("argocd/swagger.json").toFile());
        swagger.path("paths").properties().forEach(path -> templates.put(pattern(path.getKey()), path.getKey()));
    }

    /** The problems with one exchange; empty when it matches the contract. */
    public List<String> problems(FakeArgoCdServer.Recorded exchange) {
        String method = exchange.method().toLowerCase();
        var matching = templates.entrySet().stream().filter(t -> t.getKey().matcher(exchange.path()).matches())
                .map(Map.Entry::getValue).toList();
        var template = matching.stream().filter(path -> swagger.path("paths").path(path).has(method))
                .max((a, b) -> Integer.compare(literalLength(a), literalLength(b)));
        if (template.isEmpty()) {
            return List.of(exchange.method() + " " + exchange.path() + (matching.isEmpty()
                    ? " is not in Argo CD's API" : " is not allowed: " + matching + " has no " + exchange.method()));
        }
        String where = exchange.method() + " " + template.get();
        JsonNode operation = swagger.path("paths").path(template.get()).path(method);
        var problems = new ArrayList<String>();
        checkQuery(where, exchange.query(), operation, problems);
        checkRequestBody(where, exchange, operation, problems);
        checkResponse(where, exchange, operation, problems);
        return problems;
    }

    private void checkQuery(String where, String query, JsonNode operation, List<String> problems) {
        if (query == null || query.isEmpty()) {
            return;
        }
        var seen = new HashSet<String>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            String value = parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            JsonNode parameter = null;
            for (JsonNode declared : operation.path("parameters")) {
                if ("query".equals(declared.path("in").asString()) && name.equals(declared.path("name").asString())) {
                    parameter = declared;
                }
            }
            if (parameter == null) {
                problems.add(where + ": query parameter '" + name + "' is not declared (Argo CD ignores it silently)");
            } else if (!seen.add(name) && !"array".equals(parameter.path("type").asString())) {
                problems.add(where + ": query parameter '" + name + "' is sent twice");
            } else if (!validQueryValue(parameter, value)) {
                String format = parameter.path("format").asString("");
                problems.add(where + ": query parameter " + name + "=" + value + " is not a "
                        + (format.isEmpty() ? parameter.path("type").asString() : format));
            }
        }
    }

    /** A value the gateway can parse into the parameter's type (Plate sends booleans as true/false only). */
    private static boolean validQueryValue(JsonNode parameter, String value) {
        String type = parameter.path("type").asString();
        String format = parameter.path("format").asString("");
        if (type.equals("boolean")) {
            return value.equals("true") || value.equals("false");
        }
        if (type.equals("integer") || format.equals("int64")) {
            try {
                long number = Long.parseLong(value);
                return !format.equals("int32") || number == (int) number;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private void checkRequestBody(String where, FakeArgoCdServer.Recorded exchange, JsonNode operation,
            List<String> problems) {
        if (exchange.body() == null) {
            return;
        }
        if (!"application/json".equals(exchange.contentType())) {
            problems.add(where + ": a body must be sent as exactly 'Content-Type: application/json' (Argo CD's "
                    + "content-type check refuses others), not '" + exchange.contentType() + "'");
        }
        JsonNode schema = null;
        for (JsonNode parameter : operation.path("parameters")) {
            if ("body".equals(parameter.path("in").asString())) {
                schema = parameter.path("schema");
            }
        }
        if (schema == null) {
            problems.add(where + " takes no body, but one was sent");
            return;
        }
        try {
            check(where + " request body", ArgoCdJson.parse(exchange.body()), schema, problems);
        } catch (RuntimeException e) {
            problems.add(where + ": the request body is not JSON: " + e.getMessage());
        }
    }

    private void checkResponse(String where, FakeArgoCdServer.Recorded exchange, JsonNode operation,
            List<String> problems) {
        JsonNode responses = operation.path("responses");
        JsonNode ok = responses.path("200").path("schema");
        boolean streaming = ok.path("title").asString("").startsWith("Stream result of");
        String status = String.valueOf(exchange.status());
        JsonNode response = responses.has(status) ? responses.path(status)
                : exchange.status() >= 400 ? responses.path("default") : responses.path("absent");
        if (response.isMissingNode()) {
            problems.add(where + ": status " + status + " is not a documented answer");
            return;
        }
        if (!exchange.responseContentType().equals("application/json")) {
            problems.add(where + ": answered " + status + " as " + exchange.responseContentType() + ", not JSON");
            return;
        }
        for (int i = 0; i < exchange.responses().size(); i++) {
            JsonNode body = exchange.responses().get(i);
            String what = where + " " + status + (exchange.streamed() ? " line " + (i + 1) : "");
            if (streaming && exchange.status() == 200) {
                checkStreamLine(what, body, ok, problems);
            } else if (streaming && body.path("error").isObject()) {
                // a stream that fails before its first message: ForwardResponseStream writes {"error": …}
                checkStreamLine(what, body, ok, problems);
            } else {
                check(what, body, response.path("schema"), problems);
            }
        }
    }

    /** One line of a stream: {"result": …} or {"error": …}, as the 200 schema's envelope says. */
    private void checkStreamLine(String where, JsonNode line, JsonNode envelope, List<String> problems) {
        if (line.size() != 1 || !(line.has("result") || line.has("error"))) {
            problems.add(where + ": a stream line must hold exactly one of 'result' or 'error': " + line);
        }
        check(where, line, envelope, problems);
    }

    private void check(String where, JsonNode value, JsonNode schema, List<String> problems) {
        String ref = schema.path("$ref").asString("");
        String definition = ref.substring(ref.lastIndexOf('/') + 1);
        if (GO_TIMES.contains(definition) && (value.isNull() || value.isString())) {
            if (value.isString() && !dateTime(value.asString())) {
                problems.add(where + " = " + value + " is not an RFC 3339 date-time");
            }
            return;
        }
        JsonNode resolved = resolve(schema);
        if (value.isNull()) {
            problems.add(where + " is null, which Argo CD never sends there");
            return;
        }
        String type = resolved.path("type").asString(resolved.has("allOf") ? "object" : "");
        switch (type) {
            case "object" -> checkObject(where, value, resolved, problems);
            case "array" -> checkArray(where, value, resolved, problems);
            case "string" -> checkString(where, value, resolved, problems);
            case "integer" -> {
                if (!value.isIntegralNumber() || "int32".equals(resolved.path("format").asString(""))
                        && !value.canConvertToInt()) {
                    problems.add(where + " = " + value + " is not an " + resolved.path("format").asString("integer"));
                }
            }
            case "number" -> expect(where, value, value.isNumber(), "a number", problems);
            case "boolean" -> expect(where, value, value.isBoolean(), "a boolean", problems);
            default -> { } // no type: anything
        }
    }

    private void checkObject(String where, JsonNode value, JsonNode schema, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + " = " + value + " is not an object");
            return;
        }
        var properties = new LinkedHashMap<String, JsonNode>();
        collectProperties(schema, properties);
        JsonNode additional = schema.path("additionalProperties");
        value.properties().forEach(field -> {
            JsonNode declared = properties.get(field.getKey());
            if (declared != null) {
                check(where + "." + field.getKey(), field.getValue(), declared, problems);
            } else if (additional.isObject()) {
                check(where + "[" + field.getKey() + "]", field.getValue(), additional, problems);
            } else {
                problems.add(where + " has field '" + field.getKey() + "', which the definition does not have");
            }
        });
    }

    /** Own properties and those of every allOf part (v1alpha1ResourceNode inlines v1alpha1ResourceRef so). */
    private void collectProperties(JsonNode schema, Map<String, JsonNode> properties) {
        JsonNode resolved = resolve(schema);
        resolved.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
        for (JsonNode part : resolved.path("allOf")) {
            collectProperties(part, properties);
        }
    }

    private void checkArray(String where, JsonNode value, JsonNode schema, List<String> problems) {
        if (!value.isArray()) {
            problems.add(where + " = " + value + " is not an array");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            check(where + "[" + i + "]", value.get(i), schema.path("items"), problems);
        }
    }

    private void checkString(String where, JsonNode value, JsonNode schema, List<String> problems) {
        if (!value.isString()) {
            problems.add(where + " = " + value + " is not a string");
            return;
        }
        String text = value.asString();
        String format = schema.path("format").asString("");
        boolean valid = switch (format) {
            case "date-time" -> dateTime(text);
            case "byte" -> base64(text);
            case "int64", "uint64" -> text.matches("-?\\d+");
            default -> true;
        };
        if (!valid) {
            problems.add(where + " = " + value + " is not a " + format);
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && allowed.valueStream().noneMatch(option -> option.asString().equals(text))) {
            problems.add(where + " = " + value + " is not one of " + allowed);
        }
    }

    private static void expect(String where, JsonNode value, boolean valid, String what, List<String> problems) {
        if (!valid) {
            problems.add(where + " = " + value + " is not " + what);
        }
    }

    private static boolean dateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        JsonNode node = swagger;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            node = node.path(part);
        }
        return node;
    }

    private static Pattern pattern(String template) {
        String[] literals = template.split("\\{[^}]+}", -1);
        var regex = new StringBuilder(Pattern.quote(literals[0]));
        for (int i = 1; i < literals.length; i++) {
            regex.append("[^/]+").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /** Templates with more literal text are more specific: /applications/manifestsWithFiles before /{name}. */
    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }
}
