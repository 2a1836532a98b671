package dev.plate.gitea.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import org.springframework.stereotype.Component;

/** No Gitea connection can be configured yet: Plate then uses its embedded Git server. */
@Component
class GiteaCheck implements SystemCheck {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ComponentStatus check() {
        return new ComponentStatus("Gitea", State.NOT_CONFIGURED,
                "No Gitea server configured: config repositories live on Plate's embedded Git server.");
    }
}
