package dev.plate.argocdserver.internal;

import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.LogQuery;
import dev.plate.argocdserver.LogStream;
import dev.plate.argocdserver.ResourceTree;
import dev.plate.base.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link ArgoCdServer} with the connection in use at each call (saved, or from the environment). */
@Service
class ConfiguredArgoCdServer implements ArgoCdServer {

    private final ServerSettings settings;
    private final ArgoCdServerClient client;

    ConfiguredArgoCdServer(ServerSettings settings, ArgoCdServerClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Override
    public Optional<String> url() {
        return settings.endpoint().map(ServerEndpoint::url);
    }

    @Override
    public ResourceTree tree(String application) {
        return client.tree(endpoint(), application);
    }

    @Override
    public List<ClusterEvent> events(String application, Optional<ResourceTree.Resource> resource) {
        return client.events(endpoint(), application, resource);
    }

    @Override
    public LogStream logs(String application, LogQuery query) {
        return client.logs(endpoint(), application, query);
    }

    private ServerEndpoint endpoint() {
        return settings.endpoint().orElseThrow(() -> new UnavailableException(NOT_CONFIGURED, Duration.ofMinutes(1)));
    }
}
