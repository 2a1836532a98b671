package dev.plate.gitea;

import dev.plate.support.Contracts;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gitea's published API (../shared/contracts/gitea/swagger.v1.json): checks that a request names a path and
 * method that exist there, with a body whose fields exist in the named definition, and that a response has
 * the shape of the definition the swagger promises for that status.
 */
final class GiteaSwagger {

    private final JsonNode swagger;

    GiteaSwagger() {
        swagger = JsonMapper.builder().build().readTree(Contracts.dir().resolve("gitea/swagger.v1.json").toFile());
    }

    /** The problems with one exchange; empty when it matches the contract. */
    List<String> problems(FakeGitea.Recorded exchange) {
        var problems = new ArrayList<String>();
        String path = exchange.path().replaceFirst("^" + swagger.path("basePath").asString(), "");
        JsonNode operation = operation(exchange.method(), path);
        if (operation == null) {
            return List.of(exchange.method() + " " + path + " is not in Gitea's API");
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("body".equals(parameter.path("in").asString())) {
                JsonNode definition = resolve(parameter.path("schema"));
                checkObject("request " + exchange.method() + " " + path, exchange.body(), definition, problems, true);
            } else if ("query".equals(parameter.path("in").asString()) && exchange.query() != null) {
                continue;
            }
        }
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                String name = pair.split("=", 2)[0];
                boolean declared = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    declared |= "query".equals(parameter.path("in").asString()) && name.equals(parameter.path("name").asString());
                }
                if (!declared) {
                    problems.add("query parameter " + name + " is not declared for " + exchange.method() + " " + path);
                }
            }
        }
        JsonNode response = operation.path("responses").path(String.valueOf(exchange.status()));
        if (response.isMissingNode() && isGlobal(exchange.status())) {
            return problems;
        }
        if (response.isMissingNode()) {
            problems.add("status " + exchange.status() + " is not a documented answer to " + exchange.method() + " " + path);
        } else {
            JsonNode schema = response.has("schema") ? response.path("schema") : resolve(response).path("schema");
            if (!schema.isMissingNode() && exchange.response() != null) {
                if ("array".equals(schema.path("type").asString())) {
                    for (JsonNode item : exchange.response()) {
                        checkObject("response item", item, resolve(schema.path("items")), problems, false);
                    }
                } else {
                    checkObject("response", exchange.response(), resolve(schema), problems, false);
                }
            }
        }
        return problems;
    }

    /** Gitea answers any endpoint with 401 for a bad token and 5xx when it fails, documented or not. */
    private static boolean isGlobal(int status) {
        return status == 401 || status >= 500;
    }

    private JsonNode operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = swagger.path("paths").properties().iterator();
        while (paths.hasNext()) {
            var entry = paths.next();
            String pattern = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (path.matches(pattern) && entry.getValue().has(method.toLowerCase())) {
                return entry.getValue().path(method.toLowerCase());
            }
        }
        return null;
    }

    private void checkObject(String where, JsonNode value, JsonNode definition, List<String> problems,
            boolean checkRequired) {
        if (value == null || definition.isMissingNode()) {
            return;
        }
        JsonNode properties = definition.path("properties");
        if (properties.isMissingNode()) {
            if (definition.path("additionalProperties").path("type").asString().equals("string")) {
                value.properties().forEach(field -> {
                    if (!field.getValue().isString()) {
                        problems.add(where + " field " + field.getKey() + " must be a string");
                    }
                });
            }
            return;
        }
        value.properties().forEach(field -> {
            JsonNode declared = properties.path(field.getKey());
            if (declared.isMissingNode()) {
                problems.add(where + " has field '" + field.getKey() + "', which the definition does not have");
                return;
            }
            JsonNode allowed = declared.path("enum");
            if (allowed.isArray() && !contains(allowed, field.getValue().asString())) {
                problems.add(where + " field " + field.getKey() + " = " + field.getValue() + " is not one of " + allowed);
            }
            if (declared.has("$ref")) {
                checkObject(where + "." + field.getKey(), field.getValue(), resolve(declared), problems, checkRequired);
            }
        });
        if (checkRequired) {
            for (JsonNode required : definition.path("required")) {
                if (!value.has(required.asString())) {
                    problems.add(where + " lacks the required field " + required.asString());
                }
            }
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString();
        if (ref.isEmpty()) {
            return schema;
        }
        JsonNode node = swagger;
        for (String part : ref.replaceFirst("^#/", "").split("/")) {
            node = node.path(part);
        }
        return node;
    }
}
