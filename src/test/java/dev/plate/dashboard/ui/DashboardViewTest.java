package dev.plate.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DashboardViewTest extends KaribuTestBase {

    @Test
    void dashboard_shows_database_and_git_connected_and_gitea_and_argocd_not_configured() {
        login("viewer-user", Role.VIEWER);

        UI.getCurrent().navigate("");

        Map<String, String> states = _find(Div.class, spec -> spec.withClasses("plate-card")).stream()
                .filter(card -> card.getElement().hasAttribute("data-component"))
                .collect(Collectors.toMap(card -> card.getElement().getAttribute("data-component"),
                        card -> card.getElement().getTextRecursively()));
        assertThat(states).containsOnlyKeys("Database", "Git", "Gitea", "Kubernetes / Argo CD", "Argo CD API server");
        assertThat(states.get("Argo CD API server")).contains("Not configured").contains("PLATE_ARGOCD_TOKEN");
        assertThat(states.get("Database")).contains("Connected").contains("PostgreSQL");
        assertThat(states.get("Git")).contains("Connected").contains("Config repository http").contains("/git/plate-config.git at ");
        assertThat(states.get("Gitea")).contains("Not configured");
        assertThat(states.get("Kubernetes / Argo CD")).contains("Not configured");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.plate.deployment.DeploymentService deployments;

    @Test
    void without_argo_cd_the_dashboard_says_what_is_committed_and_not_deployed_and_plots_the_last_thirty_days() {
        String name = "dash-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        login("mia", Role.MAINTAINER);
        deployments.importProject(new dev.plate.deployment.ImportRequest(new dev.plate.project.NewProject(name, "",
                "ghcr.io/acme/" + name, 8080, "/", java.util.List.of()), "1.0.0"));
        deployments.deploy(dev.plate.deployment.DeployRequest.image(name, "dev", "1.1.0"));
        login("viewer-user", Role.VIEWER);

        UI.getCurrent().navigate("");

        var waiting = _get(Div.class, spec -> spec.withAttribute("data-card", "in-progress")).getElement()
                .getTextRecursively();
        assertThat(waiting).contains("Committed, not deployed").contains("Argo CD is not connected")
                .doesNotContain("waiting for Argo CD").contains(name + " → dev").contains("deploy 1.1.0 by mia");
        assertThat(_get(Div.class, spec -> spec.withAttribute("data-card", "projects")).getElement()
                .getTextRecursively()).containsPattern("\\d+ projects? deployed by Plate");
        var plot = _get(com.vaadin.flow.component.Svg.class);
        assertThat(plot.getElement().getAttribute("data-days")).isEqualTo("30");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(plot.getElement().getProperty("innerHTML")).contains("data-day=\"" + today + "\"")
                .contains("committed, Argo CD not connected").doesNotContain("waiting for Argo CD");
    }
}
