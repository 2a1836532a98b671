package dev.plate.argocdserver.internal;

import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.ResourceTree;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Argo CD's JSON (v1alpha1ResourceNode, eventsEvent, applicationLogEntry, runtimeError) read into Plate's records. */
final class ArgoCdJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArgoCdJson() {}

    static ResourceTree.Resource resource(JsonNode node) {
        var parents = new ArrayList<String>();
        for (JsonNode parent : node.path("parentRefs")) {
            parents.add(parent.path("uid").asString(""));
        }
        var images = new ArrayList<String>();
        for (JsonNode image : node.path("images")) {
            images.add(image.asString(""));
        }
        var info = new LinkedHashMap<String, String>();
        for (JsonNode item : node.path("info")) {
            info.put(item.path("name").asString(""), item.path("value").asString(""));
        }
        return new ResourceTree.Resource(node.path("group").asString(""), node.path("kind").asString(""),
                node.path("namespace").asString(""), node.path("name").asString(""), node.path("uid").asString(""),
                List.copyOf(parents), node.path("health").path("status").asString(""),
                node.path("health").path("message").asString(""), List.copyOf(images), Map.copyOf(info),
                time(node.path("createdAt")), "");
    }

    /** The key a managed resource has in both the tree and the Application's status.resources. */
    static String key(String group, String kind, String namespace, String name) {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }

    /** status.resources of a v1alpha1Application: each managed resource's sync status, by {@link #key}. */
    static Map<String, String> syncStatuses(JsonNode application) {
        var statuses = new java.util.HashMap<String, String>();
        for (JsonNode resource : application.path("status").path("resources")) {
            statuses.put(key(resource.path("group").asString(""), resource.path("kind").asString(""),
                    resource.path("namespace").asString(""), resource.path("name").asString("")),
                    resource.path("status").asString(""));
        }
        return statuses;
    }

    /** Kubernetes fills lastTimestamp for core events and eventTime for newer ones: take whichever is there. */
    static ClusterEvent event(JsonNode item) {
        Instant at = time(item.path("lastTimestamp")).or(() -> time(item.path("eventTime")))
                .or(() -> time(item.path("firstTimestamp"))).or(() -> time(item.path("metadata")
                        .path("creationTimestamp"))).orElse(Instant.EPOCH);
        JsonNode about = item.path("involvedObject");
        return new ClusterEvent(at, item.path("type").asString("Normal"), item.path("reason").asString(""),
                item.path("message").asString("").strip(), about.path("kind").asString(""),
                about.path("name").asString(""), Math.max(1, item.path("count").asInt(1)));
    }

    /**
     * One line of a log stream: {@code {"result": applicationLogEntry}} or {@code {"error": runtimeStreamError}}.
     * Empty for the closing entry ({@code last: true}).
     *
     * @throws IllegalStateException with Argo CD's message for an error line
     */
    static Optional<LogLine> logLine(String json) {
        JsonNode line;
        try {
            line = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("Argo CD sent a log line Plate does not understand: "
                    + (json.length() > 80 ? json.substring(0, 80) + "…" : json));
        }
        if (line.has("error")) {
            throw new IllegalStateException(line.path("error").path("message").asString("the log stream failed"));
        }
        JsonNode entry = line.path("result");
        if (entry.path("last").asBoolean(false) && entry.path("podName").asString("").isEmpty()) {
            return Optional.empty();
        }
        Instant at = time(entry.path("timeStampStr")).or(() -> time(entry.path("timeStamp"))).orElse(Instant.now());
        return Optional.of(new LogLine(entry.path("podName").asString(""), at, entry.path("content").asString("")));
    }

    /** runtimeError's message, bounded, without control characters; empty when the body is not one. */
    static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            // runtimeError {message}, or a log stream's {"error": {message}} when it fails before its first line
            String text = error.path("error").isObject() ? error.path("error").path("message").asString("")
                    : error.path("message").asString(error.path("error").asString(""));
            return (text.length() > 200 ? text.substring(0, 200) + "…" : text).replaceAll("\\p{Cntrl}", " ");
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }

    private static Optional<Instant> time(JsonNode value) {
        String text = value.asString("");
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
