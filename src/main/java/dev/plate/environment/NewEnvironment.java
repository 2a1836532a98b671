package dev.plate.environment;

/**
 * An environment to add.
 *
 * @param after the environment it comes after in promotion order; empty or null: it goes first
 */
public record NewEnvironment(String name, String after, String clusterServer, String namespacePattern,
        boolean autoSync, boolean protectedEnvironment) {}
