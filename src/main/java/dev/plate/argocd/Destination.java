package dev.plate.argocd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.plate.environment.EnvironmentSummary;

/** Where an Application deploys: a cluster by API server address or by its name in Argo CD, and a namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Destination(String server, String name, String namespace) {

    /** A project's destination in an environment. */
    public static Destination of(EnvironmentSummary env, String project) {
        boolean byName = EnvironmentSummary.CLUSTER_NAME.matcher(env.clusterServer()).matches();
        return new Destination(byName ? null : env.clusterServer(), byName ? env.clusterServer() : null,
                env.namespaceFor(project));
    }
}
