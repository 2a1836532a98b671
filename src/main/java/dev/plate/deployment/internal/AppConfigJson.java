package dev.plate.deployment.internal;

import dev.plate.chart.AppConfig;
import tools.jackson.databind.json.JsonMapper;

/** How an {@link AppConfig} is kept in the database: JSON, the same shape as the record. */
final class AppConfigJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AppConfigJson() {}

    static String write(AppConfig config) {
        return JSON.writeValueAsString(config);
    }

    static AppConfig read(String json) {
        return JSON.readValue(json, AppConfig.class);
    }
}
