package dev.plate.deployment.ui;

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

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("projects/" + name);
        assertThat(card("dev")).contains("1.0.0").contains("import by dana");
        assertThat(_find(cardOf("prod"), Button.class)).as("no deploy to protected prod for a developer").isEmpty();

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Deploy")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image tag")), "1.1.0");
        _click(_find(Button.class, spec -> spec.withText("Deploy")).getLast());

        assertThat(card("dev")).contains("1.1.0").contains("deploy by dana");
        assertThat(card("staging")).contains("1.0.0");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<dev.plate.deployment.DeploymentRecord> history =
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
        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Deploy")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image tag")), "2.1.0");
        _click(_find(Button.class, spec -> spec.withText("Deploy")).getLast());

        _click(_get(cardOf("dev"), Button.class, spec -> spec.withText("Promote to staging")));

        assertThat(card("staging")).contains("2.1.0").contains("promote by mia");
        assertThat(_find(cardOf("prod"), Button.class, spec -> spec.withText("Deploy"))).hasSize(1);
    }

    @Test
    void a_maintainer_removes_a_project_after_typing_its_name() {
        login("mia", Role.MAINTAINER);
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        UI.getCurrent().navigate("projects/import");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/" + name);
        _click(_get(Button.class, spec -> spec.withText("Import")));

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
        UI.getCurrent().navigate("projects/import");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/" + name);
        _click(_get(Button.class, spec -> spec.withText("Import")));

        assertThat(_find(Button.class, spec -> spec.withText("Remove project"))).isEmpty();
    }

    @Test
    void an_invalid_name_is_shown_next_to_the_field_and_nothing_is_imported() {
        login("dana", Role.DEVELOPER);
        UI.getCurrent().navigate("projects/import");
        var name = _get(TextField.class, spec -> spec.withLabel("Name"));

        _setValue(name, "Not Valid");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Image repository")), "ghcr.io/acme/x");
        _click(_get(Button.class, spec -> spec.withText("Import")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("Name 'Not Valid' is not valid");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("projects/import");
    }

    /** The text of an environment's card, as the user reads it. */
    private static String card(String environment) {
        return cardOf(environment).getElement().getTextRecursively();
    }

    private static Div cardOf(String environment) {
        return _get(Div.class, spec -> spec.withAttribute("data-environment", environment));
    }
}
