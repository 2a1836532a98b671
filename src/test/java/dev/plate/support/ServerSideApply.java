package dev.plate.support;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's CRUD mock API server, taught server-side apply (which it refuses with 415), as the Kubernetes API
 * server does it for one field manager: an apply creates the object or merges the applied configuration into it
 * (maps field by field, lists whole, {@code metadata.finalizers} as a set), and a field the manager applied before
 * but no longer applies is removed — unless someone else has changed it since (then it is theirs). Fields other
 * managers wrote (Argo CD's status, a person's labels) are never touched. Conflicts are not modelled: Plate always
 * applies with {@code force=true}.
 */
final class ServerSideApply extends KubernetesCrudDispatcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FINALIZERS = List.of("metadata", "finalizers");

    /** Per object and manager: each leaf it applied last time, and the value it applied there. */
    private final Map<String, Map<List<String>, JsonNode>> applied = new HashMap<>();

    ServerSideApply(List<CustomResourceDefinitionContext> crds) {
        super(crds);
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith("application/apply-patch")) {
            return super.handlePatch(request);
        }
        synchronized (applied) {
            return apply(request);
        }
    }

    private MockResponse apply(RecordedRequest request) {
        String[] parts = request.getPath().split("\\?", 2);
        String path = parts[0];
        String manager = query(parts.length > 1 ? parts[1] : "").get("fieldManager");
        if (manager == null || manager.isBlank()) {
            return new MockResponse().setResponseCode(400).setBody("{\"kind\":\"Status\",\"code\":400,"
                    + "\"message\":\"PatchOptions.meta.k8s.io \\\"\\\" is invalid: fieldManager: Required value\"}");
        }
        var config = (ObjectNode) JSON.readTree(request.getUtf8Body());
        var leaves = leaves(config, List.of());
        String key = path + "|" + manager;
        var current = handleGet(path);
        if (current.code() == 404) {
            applied.put(key, leaves);
            return handleCreate(request(HttpMethod.POST, path.substring(0, path.lastIndexOf('/')), config));
        }
        var live = (ObjectNode) JSON.readTree(current.getBody().readUtf8());
        applied.getOrDefault(key, Map.of()).forEach((leaf, value) -> {
            if (!leaves.containsKey(leaf) && value.equals(at(live, leaf))) {
                remove(live, leaf);
                removeEmptyParents(live, leaf, config);
            }
        });
        merge(live, config, List.of());
        applied.put(key, leaves);
        return handleUpdate(request(HttpMethod.PUT, path, live));
    }

    private static Map<List<String>, JsonNode> leaves(JsonNode node, List<String> at) {
        var result = new LinkedHashMap<List<String>, JsonNode>();
        if (at.equals(FINALIZERS) && node.isArray()) {
            node.forEach(item -> result.put(with(at, "v:" + item.asString()), item));
        } else if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(entry -> result.putAll(leaves(entry.getValue(), with(at, entry.getKey()))));
        } else {
            result.put(at, node);
        }
        return result;
    }

    private static void merge(ObjectNode live, ObjectNode config, List<String> at) {
        config.properties().forEach(entry -> {
            var here = with(at, entry.getKey());
            var value = entry.getValue();
            var existing = live.get(entry.getKey());
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, here);
            } else if (here.equals(FINALIZERS) && existing != null && existing.isArray()) {
                value.forEach(item -> {
                    if (!contains((ArrayNode) existing, item)) {
                        ((ArrayNode) existing).add(item);
                    }
                });
            } else {
                live.set(entry.getKey(), value.deepCopy());
            }
        });
    }

    private static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            String step = path.get(i);
            if (step.startsWith("v:") && node.isArray()) {
                for (var item : node) {
                    if (item.asString().equals(step.substring(2))) {
                        return item;
                    }
                }
                return null;
            }
            node = node == null ? null : node.get(step);
        }
        return node;
    }

    private static void remove(ObjectNode root, List<String> path) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        String last = path.getLast();
        if (parent instanceof ArrayNode array && last.startsWith("v:")) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).asString().equals(last.substring(2))) {
                    array.remove(i);
                    return;
                }
            }
        } else if (parent instanceof ObjectNode object) {
            object.remove(last);
        }
    }

    /** A map the manager made and no longer applies anything in goes with its last field, as the API server does. */
    private static void removeEmptyParents(ObjectNode live, List<String> leaf, JsonNode config) {
        for (int depth = leaf.size() - 1; depth > 0; depth--) {
            var parent = leaf.subList(0, depth);
            JsonNode node = at(live, parent);
            if (node instanceof ObjectNode object && object.isEmpty() && at(config, parent) == null) {
                remove(live, parent);
            } else {
                return;
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (var existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> with(List<String> path, String step) {
        var longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    private static Map<String, String> query(String query) {
        var result = new HashMap<String, String>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
        return new RecordedRequest("HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer(JSON.writeValueAsBytes(body)));
    }
}
