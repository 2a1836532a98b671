package dev.plate.deployment;

import dev.plate.chart.AppConfig;
import java.util.Optional;

/**
 * Deploy a new image tag, a new configuration, or both, to one environment.
 *
 * @param config the environment's complete new configuration; its image tag is replaced by {@code imageTag}
 *     when that is given
 */
public record DeployRequest(String project, String environment, Optional<String> imageTag,
        Optional<AppConfig> config) {

    public static DeployRequest image(String project, String environment, String tag) {
        return new DeployRequest(project, environment, Optional.of(tag), Optional.empty());
    }
}
