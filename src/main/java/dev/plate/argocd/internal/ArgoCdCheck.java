package dev.plate.argocd.internal;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import dev.plate.cluster.ClusterProbe;
import dev.plate.cluster.ManagementCluster;
import org.springframework.stereotype.Component;

/** The dashboard's line for Argo CD: the connection in use, probed now. */
@Component
class ArgoCdCheck implements SystemCheck {

    private final ManagementCluster cluster;
    private final ConnectionProbe probe;
    private final ApplicationStatuses statuses;

    ArgoCdCheck(ManagementCluster cluster, ConnectionProbe probe, ApplicationStatuses statuses) {
        this.cluster = cluster;
        this.probe = probe;
        this.statuses = statuses;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ComponentStatus check() {
        var active = cluster.active();
        if (active.client() == null) {
            return new ComponentStatus(ClusterProbe.COMPONENT, State.NOT_CONFIGURED,
                    "No cluster configured: changes are committed to Git, Argo CD is not connected.");
        }
        return probe.probe(active.client(), active.namespace(), ": " + statuses.all().size()
                + " Plate applications watched.");
    }
}
