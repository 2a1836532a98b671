package dev.plate.admin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.cluster.ClusterAdministration;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.security.Roles;
import dev.plate.sso.SingleSignOn;
import dev.plate.argocdserver.ArgoCdServerAdministration;
import jakarta.annotation.security.RolesAllowed;

/**
 * Admin → Integrations: where the config repository lives, the cluster where Argo CD runs, Argo CD's API server (what
 * runs: resources, logs, events), and the single sign-on provider.
 */
@Route("admin/integrations")
@PageTitle("Integrations")
@Menu(order = 11, title = "Integrations", icon = "vaadin:connect")
@RolesAllowed(Roles.ADMIN)
class IntegrationsView extends Div {

    IntegrationsView(RepositoryHosting hosting, ClusterAdministration cluster, ArgoCdServerAdministration server,
            SingleSignOn singleSignOn) {
        addClassName("plate-page");
        add(new RepositorySection(hosting), new ClusterSection(cluster), new ArgoCdServerSection(server),
                new SignInSection(singleSignOn));
    }
}
