package dev.plate.argocd.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.cluster.ClusterProbe;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.springframework.stereotype.Component;

/**
 * Asks the management cluster for one Application: that needs it reachable, Plate's credentials accepted and
 * Argo CD's CRDs installed, and the answer says which of these failed. Asked by the dashboard's check, and by the
 * {@code cluster} module when an admin tests or saves a connection.
 */
@Component
class ConnectionProbe implements ClusterProbe {

    @Override
    public ComponentStatus probe(KubernetesClient client, String namespace, String detailWhenUp) {
        try {
            client.genericKubernetesResources(ArgoCdResources.APPLICATION).inNamespace(namespace)
                    .list(new ListOptionsBuilder().withLimit(1L).build());
            return new ComponentStatus(COMPONENT, State.UP, "Argo CD in namespace " + namespace + " at "
                    + client.getMasterUrl().getHost() + detailWhenUp);
        } catch (RuntimeException e) {
            return new ComponentStatus(COMPONENT, State.DOWN, KubernetesProblems.describe(e, namespace));
        }
    }
}
