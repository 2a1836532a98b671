package dev.plate.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The management cluster as the environment gives it ({@code PLATE_ARGOCD_*}, the names Plate always had); a
 * connection saved in Admin → Integrations replaces it.
 *
 * @param kubeconfig the management cluster: a kubeconfig file's path, or its content ({@code PLATE_ARGOCD_KUBECONFIG})
 * @param inCluster use the pod's own service account instead (Plate running next to Argo CD)
 * @param namespace where Argo CD's Applications and AppProjects live
 */
@ConfigurationProperties("plate.argocd")
public record ClusterProperties(@DefaultValue("") String kubeconfig, @DefaultValue("false") boolean inCluster,
        @DefaultValue("argocd") String namespace) {

    public boolean configured() {
        return inCluster || !kubeconfig.isBlank();
    }

    @Override
    public String toString() {
        return "ClusterProperties[" + (inCluster ? "in-cluster" : kubeconfig.isBlank() ? "not configured"
                : "kubeconfig ***") + ", namespace " + namespace + "]";
    }
}
