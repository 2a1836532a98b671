package dev.plate.environments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributools.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.Test;

class EnvironmentsViewTest extends KaribuTestBase {

    @Test
    void a_viewer_sees_the_seeded_promotion_path_and_who_may_deploy_where() {
        login("viewer-user", Role.VIEWER);

        UI.getCurrent().navigate("environments");

        assertThat(_get(Paragraph.class, spec -> spec.withClasses("plate-muted")).getText())
                .isEqualTo("Promotion path: dev → staging → prod");
        @SuppressWarnings("unchecked")
        Grid<EnvironmentSummary> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._get(grid, 2).name()).isEqualTo("prod");
        assertThat(GridKt._get(grid, 2).protectedEnvironment()).isTrue();
        assertThat(GridKt._get(grid, 2).autoSync()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withText("Add environment"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Remove"))).isEmpty();
    }

    @Test
    void an_admin_reorders_the_promotion_path_and_puts_it_back() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("environments");

        _click(rowButton(1, "Move staging earlier"));
        assertThat(path()).isEqualTo("Promotion path: staging → dev → prod");
        expectNotifications("Promotion path is now staging → dev → prod");

        _click(rowButton(1, "Move dev earlier"));
        assertThat(path()).isEqualTo("Promotion path: dev → staging → prod");
    }

    @Test
    void an_invalid_new_environment_is_refused_next_to_the_field_and_nothing_is_added() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("environments");

        _click(_get(Button.class, spec -> spec.withText("Add environment")));
        var name = _get(TextField.class, spec -> spec.withLabel("Name"));
        _setValue(name, "QA!");
        _click(_get(Button.class, spec -> spec.withText("Add")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("is not valid");
        assertThat(path()).isEqualTo("Promotion path: dev → staging → prod");
    }

    @Test
    void removing_an_environment_with_projects_is_refused_with_the_reason() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("projects/import");
        String project = "env-guard-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), project);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/env-guard");
        _click(_get(Button.class, spec -> spec.withText("Import")));
        _click(_get(Button.class, spec -> spec.withId("import-open")));
        UI.getCurrent().navigate("environments");
        clearNotifications();

        _click(rowButton(0, "Remove"));

        assertThat(getNotifications()).anyMatch(n -> NotificationsKt.getText(n).contains("deployed there"));
        assertThat(path()).isEqualTo("Promotion path: dev → staging → prod");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.plate.deployment.EnvironmentAdministration administration;
    @org.springframework.beans.factory.annotation.Autowired
    dev.plate.environment.EnvironmentService environmentService;

    @Test
    void an_admin_changes_an_environments_destination_and_is_told_what_that_moves() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("environments");
        int staging = 1;
        var before = environmentService.list().get(staging);
        try {
            _click(rowButton(staging, "Change " + before.name()));
            var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
            var namespace = _get(dialog, TextField.class, spec -> spec.withLabel("Namespace pattern"));
            var warning = (Paragraph) dialog.getChildren().filter(Paragraph.class::isInstance).findFirst().orElseThrow();
            assertThat(warning.isVisible()).isFalse();
            _setValue(namespace, "no-placeholder");
            assertThat(warning.isVisible()).isTrue();
            _click(_get(dialog, Button.class, spec -> spec.withText("Save")));
            assertThat(namespace.isInvalid()).isTrue();
            assertThat(namespace.getErrorMessage()).contains("{project}");

            _setValue(namespace, "{project}-" + before.name() + "-2");
            _click(_get(dialog, Button.class, spec -> spec.withText("Save")));

            assertThat(GridKt._getFormatted(_get(Grid.class), staging, "namespace"))
                    .isEqualTo("{project}-" + before.name() + "-2");
        } finally {
            administration.update(before.name(), dev.plate.environment.EnvironmentSettings.of(before));
        }
    }

    /** A button in a row's actions cell (grid cells are rendered lazily, so they are not in the UI tree). */
    @SuppressWarnings("unchecked")
    private static Button rowButton(int row, String labelOrText) {
        Grid<EnvironmentSummary> grid = _get(Grid.class);
        var cell = GridKt._getCellComponent(grid, row, "actions");
        return _find(cell, Button.class).stream()
                .filter(b -> labelOrText.equals(b.getText()) || labelOrText.equals(b.getAriaLabel().orElse("")))
                .findFirst().orElseThrow(() -> new AssertionError("No button '" + labelOrText + "' in row " + row));
    }

    private static String path() {
        return _get(Paragraph.class, spec -> spec.withClasses("plate-muted")).getText();
    }
}
