package dev.plate.gitops.internal;

import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaException;
import dev.plate.gitops.RepositoryHosting;
import org.springframework.stereotype.Component;

/** Asks the Gitea in use for its version and the token's user; without one, says Plate uses its own server. */
@Component
class GiteaCheck implements SystemCheck {

    private final RepositoryHosting hosting;
    private final GiteaClient client;

    GiteaCheck(RepositoryHosting hosting, GiteaClient client) {
        this.hosting = hosting;
        this.client = client;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ComponentStatus check() {
        var host = hosting.gitea();
        if (host.isEmpty()) {
            return new ComponentStatus("Gitea", State.NOT_CONFIGURED,
                    "No Gitea server configured: config repositories live on Plate's embedded Git server.");
        }
        var connection = host.get().connection();
        try {
            var info = client.check(connection);
            return new ComponentStatus("Gitea", State.UP, "Gitea " + info.version() + " at " + connection.baseUrl()
                    + " as " + info.user() + ", organisation " + connection.organisation());
        } catch (GiteaException e) {
            return new ComponentStatus("Gitea", State.DOWN, e.getMessage());
        }
    }
}
