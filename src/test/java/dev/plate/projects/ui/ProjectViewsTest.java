package dev.plate.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectViewsTest extends KaribuTestBase {

    @Test
    void a_developer_imports_a_project_in_the_browser_and_deploys_it_to_dev() {
        login("dana", Role.DEVELOPER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        UI.getCurrent().navigate("projects/import");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/" + name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Initial image tag")), "1.0.0");
        _click(_get(Button.class, spec -> spec.withText("Import")));
        _click(_get(Button.class, spec -> spec.withId("import-open")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("projects/" + name);
        assertThat(card("dev")).contains("1.0.0").contains("import by dana");
        assertThat(_find(cardOf("prod"), Button.class)).as("no deploy to protected prod for a developer").isEmpty();

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Deploy")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image tag")), "1.1.0");
        _click(_get(Button.class, spec -> spec.withText("Deploy to dev")));

        assertThat(card("dev")).contains("1.1.0").contains("deploy by dana");
        assertThat(card("staging")).contains("1.0.0");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<dev.plate.history.DeploymentRecord> history =
                _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(history)).isEqualTo(4);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(history, 0, "summary")).isEqualTo("image 1.1.0");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(history, 0, "who")).isEqualTo("dana");
    }

    @Test
    void a_maintainer_promotes_dev_to_staging_from_the_project_page() {
        login("mia", Role.MAINTAINER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        UI.getCurrent().navigate("projects/import");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/" + name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Initial image tag")), "2.0.0");
        _click(_get(Button.class, spec -> spec.withText("Import")));
        _click(_get(Button.class, spec -> spec.withId("import-open")));
        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Deploy")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image tag")), "2.1.0");
        _click(_get(Button.class, spec -> spec.withText("Deploy to dev")));

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Promote to staging")));
        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("+   tag: \"2.1.0\"").contains("-   tag: \"2.0.0\"");
        assertThat(card("staging")).as("nothing before the confirmation").contains("2.0.0");
        _click(_get(dialog, Button.class, spec -> spec.withText("Promote to staging")));

        assertThat(card("staging")).contains("2.1.0").contains("promote by mia");
        assertThat(_find(cardOf("prod"), Button.class, spec -> spec.withText("Deploy"))).hasSize(1);
    }

    @Test
    void a_maintainer_removes_a_project_after_typing_its_name() {
        login("mia", Role.MAINTAINER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        importAndOpen(name, null);

        _click(_get(Button.class, spec -> spec.withText("Remove project")));
        var confirmation = _get(TextField.class, spec -> spec.withLabel("Type " + name + " to confirm"));
        _setValue(confirmation, "something else");
        _click(_get(Button.class, spec -> spec.withText("Remove")));
        assertThat(confirmation.isInvalid()).isTrue();
        _setValue(confirmation, name);
        _click(_get(Button.class, spec -> spec.withText("Remove")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("projects");
        UI.getCurrent().navigate("projects/" + name);
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("No project named '" + name + "'");
    }

    @Test
    void a_developer_sees_no_remove_button() {
        login("dana", Role.DEVELOPER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        importAndOpen(name, null);

        assertThat(_find(Button.class, spec -> spec.withText("Remove project"))).isEmpty();
    }

    @Test
    void an_invalid_name_is_shown_next_to_the_field_and_nothing_is_imported() {
        login("dana", Role.DEVELOPER);
        UI.getCurrent().navigate("projects/import");
        var name = _get(TextField.class, spec -> spec.withLabel("Name"));

        _setValue(name, "Not Valid");
        // Checked as it is typed (Karibu's _setValue is a change from the client), before any click.
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("Name 'Not Valid' is not valid");
        var image = _get(TextField.class, spec -> spec.withLabel("Image repository"));
        assertThat(image.isInvalid()).as("a field not touched yet shows nothing").isFalse();
        _setValue(image, "ghcr.io/acme/x");
        _click(_get(Button.class, spec -> spec.withText("Import")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("Name 'Not Valid' is not valid");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("projects/import");
    }

    /** A button that would change nothing is there, disabled, saying why; it is enabled once there is a change. */
    @Test
    void promote_and_roll_back_are_offered_only_when_they_would_change_something() {
        login("mia", Role.MAINTAINER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        importAndOpen(name, "3.0.0");

        var promote = _get(cardOf("dev"), Button.class, spec -> spec.withText("Promote to staging"));
        var rollback = _get(cardOf("dev"), Button.class, spec -> spec.withText("Roll back"));
        assertThat(promote.isEnabled()).isFalse();
        assertThat(promote.getTooltip().getText()).isEqualTo("staging already runs 3.0.0 with this configuration: "
                + "nothing to promote.");
        assertThat(rollback.isEnabled()).isFalse();
        assertThat(rollback.getTooltip().getText()).contains("No earlier, different deployment in dev");

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Deploy")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image tag")), "3.1.0");
        _click(_get(Button.class, spec -> spec.withText("Deploy to dev")));

        assertThat(_get(cardOf("dev"), Button.class, spec -> spec.withText("Promote to staging")).isEnabled()).isTrue();
        assertThat(_get(cardOf("dev"), Button.class, spec -> spec.withText("Roll back")).isEnabled()).isTrue();
        assertThat(_get(cardOf("staging"), Button.class, spec -> spec.withText("Roll back")).isEnabled()).isFalse();
    }

    /** The text of an environment's card, as the user reads it. */
    private static String card(String environment) {
        return cardOf(environment).getElement().getTextRecursively();
    }

    /** From one project's page to another's: the page shown is redrawn for the second, and a missing one says so. */
    @Test
    void going_from_one_project_to_another_shows_the_second() {
        login("mia", Role.MAINTAINER);
        String first = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        importAndOpen(first, "1.0.0");
        importAndOpen(second, "2.0.0");
        UI.getCurrent().navigate("projects/" + first);
        var page = _get(ProjectView.class);
        assertThat(card("dev")).contains("1.0.0");

        UI.getCurrent().navigate("projects/" + second);
        assertThat(_get(ProjectView.class)).as("the same page, drawn again").isSameAs(page);
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo(second);
        assertThat(card("dev")).contains("2.0.0");

        UI.getCurrent().navigate("projects/no-such-" + first);
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("No project named 'no-such-"
                + first + "'");
        assertThat(page.getPageTitle()).as("no project is shown any more, so none is redrawn either")
                .isEqualTo("Project");
    }

    private static Div cardOf(String environment) {
        return _get(Div.class, spec -> spec.withAttribute("data-environment", environment));
    }

    /** Deploy with value changes: the preview shows the commit's diff, a bad value is refused at the field. */
    @Test
    void a_deploy_with_values_is_previewed_then_committed_and_a_rollback_restores_a_chosen_deployment() {
        login("mia", Role.MAINTAINER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        importAndOpen(name, "3.0.0");

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Deploy")));
        var values = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel("Value changes"));
        _setValue(values, "replicas=lots");
        _click(_get(Button.class, spec -> spec.withText("Preview")));
        assertThat(values.isInvalid()).isTrue();
        assertThat(values.getErrorMessage()).contains("replicas");
        _setValue(values, "replicas=2\nenv.GREETING=hello: {{ world }}\nthis is not a change");
        _click(_get(Button.class, spec -> spec.withText("Preview")));
        assertThat(values.getErrorMessage()).startsWith("Line 3 (this is not a change)");
        _setValue(values, "replicas=2\nenv.GREETING=hello: {{ world }}");
        _click(_get(Button.class, spec -> spec.withText("Preview")));
        var diff = _get(Div.class, spec -> spec.withClasses("plate-diff")).getElement().getTextRecursively();
        assertThat(diff).contains("- replicaCount: 1").contains("+ replicaCount: 2").contains("hello: {{ world }}");
        assertThat(card("dev")).as("a preview commits nothing").contains("1 replica ");
        _click(_get(Button.class, spec -> spec.withText("Deploy to dev")));
        assertThat(card("dev")).contains("2 replicas").contains("deploy by mia");

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Roll back")));
        var rollback = _get(com.vaadin.flow.component.dialog.Dialog.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<dev.plate.history.DeploymentRecord> target =
                _get(rollback, com.vaadin.flow.component.select.Select.class);
        var imported = target.getListDataView().getItems()
                .filter(record -> record.kind() == dev.plate.history.DeploymentKind.IMPORT).findFirst().orElseThrow();
        _setValue(target, imported);
        assertThat(_get(rollback, Div.class, spec -> spec.withClasses("plate-diff")).getElement().getTextRecursively())
                .contains("- replicaCount: 2").contains("+ replicaCount: 1");
        _click(_get(rollback, Button.class, spec -> spec.withText("Roll back")));
        assertThat(card("dev")).contains("1 replica ").contains("rollback by mia");
    }

    /** As the name is typed: a taken name is refused at once; a good one clears; the import then says what it did. */
    @Test
    void the_import_form_checks_as_it_is_typed_and_then_shows_what_plate_did() {
        login("dana", Role.DEVELOPER);
        String taken = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        UI.getCurrent().navigate("projects/import");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), taken);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/" + taken);
        _click(_get(Button.class, spec -> spec.withText("Import")));
        var steps = _find(com.vaadin.flow.component.html.ListItem.class).stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
        assertThat(steps).hasSize(4);
        assertThat(steps.get(1)).contains("charts/" + taken + "/").contains("dev, staging, prod");
        assertThat(steps.get(2)).startsWith("✓Committed ").contains("/git/plate-config.git");
        assertThat(steps.get(3)).contains("Argo CD is not connected");

        UI.getCurrent().navigate("projects");
        UI.getCurrent().navigate("projects/import");
        var name = _get(TextField.class, spec -> spec.withLabel("Name"));
        _setValue(name, taken);
        assertThat(name.getErrorMessage()).isEqualTo("A project named '" + taken + "' already exists.");
        _setValue(name, taken + "-2");
        assertThat(name.isInvalid()).isFalse();
    }

    /** Imports through the import page (a tag, or the form's default when null) and opens the project page. */
    private static void importAndOpen(String name, String tag) {
        UI.getCurrent().navigate("projects/import");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/" + name);
        if (tag != null) {
            _setValue(_get(TextField.class, spec -> spec.withLabel("Initial image tag")), tag);
        }
        _click(_get(Button.class, spec -> spec.withText("Import")));
        _click(_get(Button.class, spec -> spec.withId("import-open")));
    }
}
