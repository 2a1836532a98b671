package dev.plate.gitea.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaProperties;
import org.springframework.stereotype.Component;

/** Asks the configured Gitea for its version and the token's user; without one, says Plate uses its own server. */
@Component
class GiteaCheck implements SystemCheck {

    private final GiteaProperties properties;
    private final GiteaClient client;

    GiteaCheck(GiteaProperties properties, GiteaClient client) {
        this.properties = properties;
        this.client = client;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ComponentStatus check() {
        var connection = properties.connection();
        if (connection.isEmpty()) {
            return new ComponentStatus("Gitea", State.NOT_CONFIGURED,
                    "No Gitea server configured: config repositories live on Plate's embedded Git server.");
        }
        try {
            var info = client.check(connection.get());
            return new ComponentStatus("Gitea", State.UP, "Gitea " + info.version() + " at " + connection.get().baseUrl()
                    + " as " + info.user() + ", organisation " + connection.get().organisation());
        } catch (GiteaException e) {
            return new ComponentStatus("Gitea", State.DOWN, e.getMessage());
        }
    }
}
