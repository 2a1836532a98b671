package dev.plate.argocdserver;

import dev.plate.base.health.ComponentStatus;
import org.springframework.security.access.prepost.PreAuthorize;

/** Admin → Integrations: Argo CD's API server, tested before it is saved. */
public interface ArgoCdServerAdministration {

    @PreAuthorize("hasRole('ADMIN')")
    ArgoCdServerConnection.Current current();

    /** Tries the connection without saving it: reachable, TLS trusted, the token accepted. */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus test(ArgoCdServerConnection connection);

    /** Saves it (token and CA bundle encrypted) and uses it at once; an invalid setting is refused, nothing changes. */
    @PreAuthorize("hasRole('ADMIN')")
    ComponentStatus save(ArgoCdServerConnection connection);
}
