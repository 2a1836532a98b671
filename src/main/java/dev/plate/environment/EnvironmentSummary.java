package dev.plate.environment;

/**
 * One stage of the promotion path and where it deploys.
 *
 * @param position order in the promotion path, 0 first
 * @param clusterServer Argo CD's {@code destination.server} for this environment
 * @param namespacePattern the namespace per project, with {@code {project}} and {@code {env}} placeholders
 * @param autoSync whether Argo CD syncs automatically
 * @param protectedEnvironment whether deploying here needs a MAINTAINER
 */
public record EnvironmentSummary(long id, String name, int position, String clusterServer, String namespacePattern,
        boolean autoSync, boolean protectedEnvironment) {

    public String namespaceFor(String project) {
        return namespacePattern.replace("{project}", project).replace("{env}", name);
    }
}
