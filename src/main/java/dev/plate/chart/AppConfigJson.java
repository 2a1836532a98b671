package dev.plate.chart;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How an {@link AppConfig} is kept in the database: JSON, the same shape as the record. */
public final class AppConfigJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AppConfigJson() {}

    public static String write(AppConfig config) {
        return JSON.writeValueAsString(config);
    }

    public static AppConfig read(String json) {
        return JSON.readValue(json, AppConfig.class);
    }

    /** The same JSON as a tree, to change single values in ({@link ValueChanges}). */
    static ObjectNode tree(AppConfig config) {
        return JSON.valueToTree(config);
    }

    static AppConfig of(JsonNode tree) {
        return JSON.treeToValue(tree, AppConfig.class);
    }
}
