package dev.plate.environment;

/**
 * What an admin changes about an existing environment: where it deploys, whether Argo CD syncs it by itself,
 * and whether deploying there needs a MAINTAINER.
 */
public record EnvironmentSettings(String clusterServer, String namespacePattern, boolean autoSync,
        boolean protectedEnvironment) {

    public static EnvironmentSettings of(EnvironmentSummary env) {
        return new EnvironmentSettings(env.clusterServer(), env.namespacePattern(), env.autoSync(),
                env.protectedEnvironment());
    }
}
