package dev.plate.argocdserver;

import java.util.List;
import java.util.Optional;

/**
 * Argo CD's API server as it is configured now. Every call throws {@link dev.plate.base.UnavailableException} with a
 * message a person can act on when the server is not configured, does not answer, or refuses the token.
 */
public interface ArgoCdServer {

    String NOT_CONFIGURED = "Argo CD's API server is not configured: an admin sets its URL and an account token in "
            + "Admin → Integrations (or PLATE_ARGOCD_SERVER_URL and PLATE_ARGOCD_TOKEN).";

    /** The server's address, or empty when none is configured. */
    Optional<String> url();

    /** The Application's live resources, with their parents and health. */
    ResourceTree tree(String application);

    /** The Application's own events, or those of one of its resources (Argo CD needs its name, namespace and uid). */
    List<ClusterEvent> events(String application, Optional<ResourceTree.Resource> resource);

    /** Opens a log stream; the caller reads it on its own thread and closes it to stop. */
    LogStream logs(String application, LogQuery query);
}
