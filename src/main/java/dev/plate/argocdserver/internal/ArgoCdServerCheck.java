package dev.plate.argocdserver.internal;

import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.base.UnavailableException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import org.springframework.stereotype.Component;

/** The dashboard's line for Argo CD's API server: reachable and the token accepted, asked now. */
@Component
class ArgoCdServerCheck implements SystemCheck {

    private final ServerSettings settings;
    private final ArgoCdServerClient client;

    ArgoCdServerCheck(ServerSettings settings, ArgoCdServerClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public ComponentStatus check() {
        var endpoint = settings.endpoint();
        if (endpoint.isEmpty()) {
            return new ComponentStatus(ServerSettings.COMPONENT, State.NOT_CONFIGURED, ArgoCdServer.NOT_CONFIGURED);
        }
        try {
            String account = client.whoAmI(endpoint.get());
            return new ComponentStatus(ServerSettings.COMPONENT, State.UP, endpoint.get().url() + " as account "
                    + account + ": resources, logs and events available.");
        } catch (UnavailableException e) {
            return new ComponentStatus(ServerSettings.COMPONENT, State.DOWN, e.getMessage());
        }
    }
}
