package dev.plate.environment;

/**
 * One stage of the promotion path and where it deploys.
 *
 * @param position order in the promotion path, 0 first
 * @param clusterServer where it deploys: an API server's https:// address (Argo CD's {@code destination.server})
 *     or the name of a cluster registered in Argo CD ({@code destination.name})
 * @param namespacePattern the namespace per project, with {@code {project}} and {@code {env}} placeholders
 * @param autoSync whether Argo CD syncs automatically
 * @param protectedEnvironment whether deploying here needs a MAINTAINER
 * @param approvals whether a change here waits for other people's approval
 */
public record EnvironmentSummary(long id, String name, int position, String clusterServer, String namespacePattern,
        boolean autoSync, boolean protectedEnvironment, ApprovalPolicy approvals) {

    /** Without approvals. */
    public EnvironmentSummary(long id, String name, int position, String clusterServer, String namespacePattern,
            boolean autoSync, boolean protectedEnvironment) {
        this(id, name, position, clusterServer, namespacePattern, autoSync, protectedEnvironment, ApprovalPolicy.NONE);
    }

    /** An Argo CD cluster name: what {@link #clusterServer} holds when it is not an https:// address. */
    public static final java.util.regex.Pattern CLUSTER_NAME =
            java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /** Argo CD's {@code destination} for a project here: by server address or by cluster name. */
    public java.util.Map<String, Object> destination(String project) {
        var destination = new java.util.LinkedHashMap<String, Object>();
        destination.put(CLUSTER_NAME.matcher(clusterServer).matches() ? "name" : "server", clusterServer);
        destination.put("namespace", namespaceFor(project));
        return destination;
    }

    public String namespaceFor(String project) {
        return namespacePattern.replace("{project}", project).replace("{env}", name);
    }
}
