package dev.plate.deployment;

/**
 * @param includeConfig also copy the configuration (replicas, env, resources…), not only the image
 */
public record PromoteRequest(String project, String from, String to, boolean includeConfig) implements ChangeRequest {

    @Override
    public String targetEnvironment() {
        return to;
    }
}
