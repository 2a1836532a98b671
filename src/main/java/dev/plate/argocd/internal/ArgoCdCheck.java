package dev.plate.argocd.internal;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import org.springframework.stereotype.Component;

/** The dashboard's line for Argo CD: the connection in use, probed now. */
@Component
class ArgoCdCheck implements SystemCheck {

    private final ArgoCdConnection connection;
    private final ApplicationStatuses statuses;

    ArgoCdCheck(ArgoCdConnection connection, ApplicationStatuses statuses) {
        this.connection = connection;
        this.statuses = statuses;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ComponentStatus check() {
        var active = connection.active();
        if (active.client() == null) {
            return new ComponentStatus(ConnectionProbe.COMPONENT, State.NOT_CONFIGURED,
                    "No cluster configured: changes are committed to Git, Argo CD is not connected.");
        }
        return ConnectionProbe.probe(active.client(), active.namespace(), ": " + statuses.all().size()
                + " Plate applications watched.");
    }
}
