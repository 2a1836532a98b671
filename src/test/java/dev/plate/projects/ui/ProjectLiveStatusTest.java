package dev.plate.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdKaribuTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The project page follows Argo CD without a reload: status pushes redraw the environment's card. */
class ProjectLiveStatusTest extends ArgoCdKaribuTestBase {

    @Autowired
    DeploymentService deployments;
    @Autowired
    JdbcTemplate jdbc;

    ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void theCardShowsArgoCdsReportAndTheDeploymentsOutcomeAsTheyHappen() {
        var deployment = openedWithADeployToDev("live");
        String name = deployment.project();

        cluster.progressing(name + "-dev", deployment.toRevision());
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false); // runs what background threads queued with ui.access
            assertThat(card("dev")).contains("Progressing").contains("Waiting for rollout to finish");
        });

        cluster.healthy(name + "-dev", deployment.toRevision());
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip(false);
            assertThat(card("dev")).contains("Synced").contains("Healthy").contains("Succeeded");
        });
        assertThat(card("staging")).contains("Waiting for Argo CD");
    }

    /**
     * An outcome decided while the page is not attached (nothing listens then) is on the page once it is attached
     * again: the page draws after it subscribes, so no outcome falls between what it read and what it hears. (Drawn
     * before subscribing, a deployment decided in between stayed "Waiting for Argo CD" in Chromium.)
     */
    @Test
    void an_outcome_decided_while_the_page_was_away_is_shown_when_it_is_attached_again() {
        var deployment = openedWithADeployToDev("away");
        String name = deployment.project();

        var page = _get(ProjectView.class);
        var parent = page.getElement().getParent();
        int index = parent.indexOfChild(page.getElement());
        parent.removeChild(page.getElement());
        cluster.healthy(name + "-dev", deployment.toRevision());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCEEDED".equals(jdbc.queryForObject(
                "select state from deployment where id = ?", String.class, deployment.id())));
        MockVaadin.clientRoundtrip(false);

        parent.insertChild(index, page.getElement());
        assertThat(card("dev")).contains("Synced").contains("Healthy").contains("Succeeded");
    }

    /** With a cluster: the Projects grid filters by what Argo CD reports, and its badges show it. */
    @Test
    @SuppressWarnings("unchecked")
    void the_projects_grid_filters_by_argo_cds_health_and_shows_it_per_environment() {
        login("mia", Role.MAINTAINER);
        String prefix = "filter-" + UUID.randomUUID().toString().substring(0, 6);
        for (String suffix : List.of("ok", "bad")) {
            deployments.importProject(new ImportRequest(new NewProject(prefix + "-" + suffix, null, "ghcr.io/acme/x",
                    8080, "/", List.of()), "1.0.0"));
        }
        String okCommit = deployments.history(prefix + "-ok", "dev").getFirst().toRevision();
        String badCommit = deployments.history(prefix + "-bad", "dev").getFirst().toRevision();
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(prefix + "-bad-dev") != null);
        cluster.healthy(prefix + "-ok-dev", okCommit);
        cluster.degraded(prefix + "-bad-dev", badCommit, "Back-off pulling image");
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.of(prefix + "-bad", "dev")
                .filter(status -> status.degraded()).isPresent() && statuses.of(prefix + "-ok", "dev")
                .filter(status -> "Healthy".equals(status.health())).isPresent());

        UI.getCurrent().navigate("projects");
        var grid = (com.vaadin.flow.component.grid.Grid<ProjectRows.Row>) _get(com.vaadin.flow.component.grid.Grid.class);
        var status = (com.vaadin.flow.component.select.Select<dev.plate.argocd.StatusFilter>) _get(
                com.vaadin.flow.component.select.Select.class);
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(_get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withPlaceholder("Search by name or owner")), prefix);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(2);

        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(status, dev.plate.argocd.StatusFilter.DEGRADED);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);
        var row = com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0);
        assertThat(row.project().name()).isEqualTo(prefix + "-bad");
        assertThat(row.badge("dev").label()).isEqualTo("Degraded");
        assertThat(row.badge("dev").tone()).isEqualTo("down");
        assertThat(row.badge("dev").detail()).contains("Back-off pulling image");

        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(status, dev.plate.argocd.StatusFilter.HEALTHY);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0).project().name()).isEqualTo(prefix + "-ok");
    }

    /** A project imported and deployed to dev by a maintainer, its page open and waiting for Argo CD there. */
    private dev.plate.history.DeploymentRecord openedWithADeployToDev(String prefix) {
        login("mia", Role.MAINTAINER);
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                "/healthz", List.of()), "1.0.0"));
        var deployment = deployments.deploy(DeployRequest.image(name, "dev", "1.1.0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(name + "-dev") != null);
        UI.getCurrent().navigate("projects/" + name);
        assertThat(card("dev")).contains("1.1.0").contains("Waiting for Argo CD");
        return deployment;
    }

    @Autowired
    dev.plate.argocd.ApplicationStatuses statuses;

    private String card(String env) {
        return _get(Div.class, spec -> spec.withAttribute("data-environment", env)).getElement().getTextRecursively();
    }
}
