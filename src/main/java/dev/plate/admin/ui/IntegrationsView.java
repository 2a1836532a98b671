package dev.plate.admin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.cluster.ClusterAdministration;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.security.Roles;
import dev.plate.argocdserver.ArgoCdServerAdministration;
import jakarta.annotation.security.RolesAllowed;

/**
 * Admin → Integrations: where the config repository lives, the cluster where Argo CD runs, and Argo CD's API server
 * (what runs: resources, logs, events).
 */
@Route("admin/integrations")
@PageTitle("Integrations")
@Menu(order = 11, title = "Integrations", icon = "vaadin:connect")
@RolesAllowed(Roles.ADMIN)
class IntegrationsView extends Div {

    IntegrationsView(RepositoryHosting hosting, ClusterAdministration cluster, ArgoCdServerAdministration server) {
        addClassName("plate-page");
        add(new RepositorySection(hosting), new ClusterSection(cluster), new ArgoCdServerSection(server));
    }
}
