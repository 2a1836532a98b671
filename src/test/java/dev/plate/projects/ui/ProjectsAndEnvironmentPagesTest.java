package dev.plate.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Projects grid (lazy, searchable, a badge per environment) and the bookmarkable environment page. */
class ProjectsAndEnvironmentPagesTest extends KaribuTestBase {

    @Autowired
    DeploymentService deployments;

    @Test
    @SuppressWarnings("unchecked")
    void the_grid_finds_projects_by_name_or_owner_and_shows_each_environments_last_outcome() {
        String prefix = "grid" + UUID.randomUUID().toString().substring(0, 6);
        login("mia", Role.MAINTAINER);
        for (String suffix : List.of("a", "b", "c")) {
            deployments.importProject(new ImportRequest(new NewProject(prefix + "-" + suffix, "", "ghcr.io/acme/x", 8080,
                    "/", List.of(suffix.equals("b") ? prefix + "-owner" : "someone")), "1.0.0"));
        }
        deployments.deploy(DeployRequest.image(prefix + "-c", "staging", "1.1.0"));
        deployments.deploy(DeployRequest.image(prefix + "-b", "staging", "1.2.0"));
        login("vic", Role.VIEWER);
        UI.getCurrent().navigate("projects");
        Grid<ProjectRows.Row> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(3);
        assertThat(_find(Select.class)).as("no status filter without Argo CD").isEmpty();

        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search by name or owner")), prefix.toUpperCase());
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._get(grid, 0).project().name()).isEqualTo(prefix + "-a");
        assertThat(GridKt._get(grid, 0).badge("dev").label()).as("nothing will decide it: no Argo CD here")
                .isEqualTo("Committed; Argo CD not connected");
        assertThat(GridKt._get(grid, 0).badge("prod").tone()).isEqualTo("not_configured");
        assertThat(_get(Div.class, spec -> spec.withClasses("plate-page")).getElement().getTextRecursively())
                .contains("3 projects");

        // What runs where, and sorting: by name either way, by an environment's last change newest first, then oldest.
        var staging = GridKt._get(grid, 1).badge("staging");
        assertThat(List.of(staging.tag(), staging.age())).containsExactly("1.2.0", "just now");
        assertThat(staging.detail()).startsWith("deploy by mia");
        grid.sort(com.vaadin.flow.component.grid.GridSortOrder.asc(grid.getColumnByKey("env-staging")).build());
        assertThat(names(grid)).containsExactly(prefix + "-b", prefix + "-c", prefix + "-a");
        grid.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(grid.getColumnByKey("env-staging")).build());
        assertThat(names(grid)).containsExactly(prefix + "-a", prefix + "-c", prefix + "-b");
        grid.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(grid.getColumnByKey("name")).build());
        assertThat(names(grid)).containsExactly(prefix + "-c", prefix + "-b", prefix + "-a");
        grid.sort(List.of());

        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search by name or owner")), prefix + "-owner");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).project().name()).isEqualTo(prefix + "-b");

        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("Search by name or owner")), "%_no-such");
        assertThat(GridKt._size(grid)).as("LIKE wildcards are literal").isZero();
    }

    private static List<String> names(Grid<ProjectRows.Row> grid) {
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i).project().name())
                .toList();
    }

    @Test
    void an_environments_page_shows_its_history_and_the_files_argo_cd_renders() {
        String name = "envpage-" + UUID.randomUUID().toString().substring(0, 6);
        login("mia", Role.MAINTAINER);
        deployments.importProject(new ImportRequest(new NewProject(name, "", "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        deployments.deploy(DeployRequest.image(name, "staging", "1.2.0"));
        login("vic", Role.VIEWER);

        UI.getCurrent().navigate("projects/" + name + "/staging");

        String page = _get(EnvironmentView.class).getElement().getTextRecursively();
        assertThat(page).contains(name + " in staging").contains("Running 1.2.0").contains("History (2)");
        assertThat(GridKt._size(_get(Grid.class))).isEqualTo(2);
        GridKt._clickItem(_get(Grid.class), 0);
        var detail = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(detail.getHeaderTitle()).endsWith("deploy " + name + " in staging");
        assertThat(detail.getElement().getTextRecursively()).contains("Committed; Argo CD not connected")
                .contains("-   tag: \"1.0.0\"").contains("+   tag: \"1.2.0\"");
        detail.close();
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(2);
        var files = _find(Details.class).stream().map(details -> details.getElement().getAttribute("data-path")).toList();
        assertThat(files).startsWith("applications/" + name + "/staging/values.yaml", "applications/" + name
                + "/staging/application.yaml", "charts/" + name + "/Chart.yaml", "charts/" + name + "/values.yaml")
                .contains("charts/" + name + "/templates/deployment.yaml", "charts/" + name + "/.helmignore")
                .doesNotContain("applications/" + name + "/dev/values.yaml");
        var values = _find(Details.class).stream()
                .filter(details -> details.getElement().getAttribute("data-path").endsWith("staging/values.yaml"))
                .findFirst().orElseThrow();
        assertThat(values.isOpened()).isTrue();
        assertThat(values.getElement().getTextRecursively()).contains("tag: \"1.2.0\"");

        UI.getCurrent().navigate("projects/" + name + "/nowhere");
        assertThat(_get(EnvironmentView.class).getElement().getTextRecursively()).contains("Nothing here")
                .contains("There is no environment named 'nowhere'.");
    }

    @Autowired
    dev.plate.gitops.ConfigRepository repository;

    /** The configuration tab: a refusal next to its field, then one commit with every change; read-only to viewers. */
    @Test
    void the_configuration_form_saves_one_commit_and_shows_refusals_at_the_field() {
        String name = "config-" + UUID.randomUUID().toString().substring(0, 6);
        login("mia", Role.MAINTAINER);
        deployments.importProject(new ImportRequest(new NewProject(name, "", "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        UI.getCurrent().navigate("projects/" + name + "/staging");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        String head = repository.head();

        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Replicas")), 4);
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class,
                spec -> spec.withLabel("Environment variables")), "GREETING=hello: {{ world }}\nLOG_LEVEL=debug");
        var cpuLimit = _get(TextField.class, spec -> spec.withLabel("CPU limit"));
        _setValue(cpuLimit, "lots");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("Save as one commit")));
        assertThat(cpuLimit.isInvalid()).isTrue();
        assertThat(cpuLimit.getErrorMessage()).contains("lots");
        assertThat(repository.head()).as("nothing committed").isEqualTo(head);

        _setValue(cpuLimit, "500m");
        // Someone deploys while the form is open: saving the form's whole configuration would undo that.
        deployments.deploy(dev.plate.deployment.DeployRequest.image(name, "staging", "1.0.1"));
        String afterTheirs = repository.head();
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("Save as one commit")));
        assertThat(repository.head()).as("refused, nothing committed").isEqualTo(afterTheirs);
        assertThat(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Replicas"))
                .getValue()).as("the form shows the configuration now").isEqualTo(1);
        head = afterTheirs;
        _setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Replicas")), 4);
        _setValue(_get(com.vaadin.flow.component.textfield.TextArea.class,
                spec -> spec.withLabel("Environment variables")), "GREETING=hello: {{ world }}\nLOG_LEVEL=debug");
        _setValue(cpuLimit, "500m");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("Save as one commit")));

        assertThat(repository.head()).isNotEqualTo(head);
        String values = new String(repository.read("applications/" + name + "/staging/values.yaml").orElseThrow());
        assertThat(values).contains("replicaCount: 4").contains("GREETING: \"hello: {{ world }}\"")
                .contains("cpu: \"500m\"");
        assertThat(_get(EnvironmentView.class).getElement().getTextRecursively()).contains("History (3)")
                .contains("4 replicas").contains("Running 1.0.1");
        assertThat(deployments.history(name, "staging").getFirst().requestedBy()).isEqualTo("mia");

        login("vic", Role.VIEWER);
        UI.getCurrent().navigate("projects/" + name + "/staging");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        assertThat(_get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withLabel("Replicas"))
                .isReadOnly()).isTrue();
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Save as one commit")))
                .isEmpty();
    }
}
