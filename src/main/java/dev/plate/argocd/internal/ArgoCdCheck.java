package dev.plate.argocd.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import org.springframework.stereotype.Component;

/** No cluster connection can be configured yet: deployments are committed but nothing syncs them. */
@Component
class ArgoCdCheck implements SystemCheck {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ComponentStatus check() {
        return new ComponentStatus("Kubernetes / Argo CD", State.NOT_CONFIGURED,
                "No cluster configured: changes are committed to Git, Argo CD is not connected.");
    }
}
