package dev.plate.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
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
        assertThat(states).containsOnlyKeys("Database", "Git", "Gitea", "Kubernetes / Argo CD");
        assertThat(states.get("Database")).contains("Connected").contains("PostgreSQL");
        assertThat(states.get("Git")).contains("Connected").contains("Config repository http").contains("/git/plate-config.git at ");
        assertThat(states.get("Gitea")).contains("Not configured");
        assertThat(states.get("Kubernetes / Argo CD")).contains("Not configured");
    }
}
