package dev.plate.deployment;

import dev.plate.chart.AppConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploy a new image tag, a new configuration, value changes, or several of these, to one environment.
 *
 * @param config the environment's complete new configuration; its image tag is replaced by {@code imageTag}
 *     when that is given
 * @param set single values to change ({@link dev.plate.chart.ValueChanges}), applied to the configuration as it
 *     is when the change is committed, so changes sent at the same time by others are kept
 * @param unset single values to remove or return to their default, applied likewise
 */
public record DeployRequest(String project, String environment, Optional<String> imageTag,
        Optional<AppConfig> config, Map<String, String> set, List<String> unset) implements ChangeRequest {

    public DeployRequest {
        set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
        // Not List.copyOf: a null entry must reach ValueChanges, which refuses it with a message.
        unset = unset == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(unset));
    }

    public DeployRequest(String project, String environment, Optional<String> imageTag, Optional<AppConfig> config) {
        this(project, environment, imageTag, config, Map.of(), List.of());
    }

    @Override
    public String targetEnvironment() {
        return environment;
    }

    public static DeployRequest image(String project, String environment, String tag) {
        return new DeployRequest(project, environment, Optional.of(tag), Optional.empty());
    }

    /** Value changes, with a new image tag if one is given. */
    public static DeployRequest changes(String project, String environment, Optional<String> imageTag,
            Map<String, String> set, List<String> unset) {
        return new DeployRequest(project, environment, imageTag, Optional.empty(), set, unset);
    }
}
