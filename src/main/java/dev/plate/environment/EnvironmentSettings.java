package dev.plate.environment;

/**
 * What an admin changes about an existing environment: where it deploys, whether Argo CD syncs it by itself,
 * whether deploying there needs a MAINTAINER, and whether a change there waits for approvals.
 */
public record EnvironmentSettings(String clusterServer, String namespacePattern, boolean autoSync,
        boolean protectedEnvironment, ApprovalPolicy approvals) {

    /** Without approvals. */
    public EnvironmentSettings(String clusterServer, String namespacePattern, boolean autoSync,
            boolean protectedEnvironment) {
        this(clusterServer, namespacePattern, autoSync, protectedEnvironment, ApprovalPolicy.NONE);
    }

    public static EnvironmentSettings of(EnvironmentSummary env) {
        return new EnvironmentSettings(env.clusterServer(), env.namespacePattern(), env.autoSync(),
                env.protectedEnvironment(), env.approvals());
    }

    public EnvironmentSettings withApprovals(ApprovalPolicy policy) {
        return new EnvironmentSettings(clusterServer, namespacePattern, autoSync, protectedEnvironment, policy);
    }
}
