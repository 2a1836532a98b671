package dev.plate.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.KaribuTestBase;
import dev.plate.teams.TeamService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A Plate-wide viewer who develops in one team imports into that team from the page, and only there. */
class ImportIntoTeamTest extends KaribuTestBase {

    @Autowired
    TeamService teams;
    @Autowired
    UserService users;
    @Autowired
    ProjectService projects;

    @Test
    @SuppressWarnings("unchecked")
    void the_team_field_offers_the_teams_where_the_person_develops_and_the_project_lands_in_the_chosen_one() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String member = "importer-" + suffix;
        login("root", Role.ADMIN);
        users.createUser(new NewUser(member, "", Role.VIEWER, "a-long-enough-password-1"));
        teams.create("web-" + suffix, "");
        teams.create("data-" + suffix, "");
        teams.setMember("web-" + suffix, member, Role.DEVELOPER);
        teams.setMember("data-" + suffix, member, Role.VIEWER);
        login(member, Role.VIEWER);

        UI.getCurrent().navigate("projects/import");

        Select<String> team = _get(Select.class, spec -> spec.withId("import-team"));
        assertThat(team.getListDataView().getItems().toList()).contains("web-" + suffix)
                .doesNotContain("data-" + suffix, "");
        assertThat(team.getValue()).isEqualTo("web-" + suffix);
        String name = "imported-" + suffix;
        _setValue(_get(TextField.class, spec -> spec.withId("import-name")), name);
        _setValue(_get(TextField.class, spec -> spec.withId("import-image")), "ghcr.io/acme/" + name);
        _click(_get(Button.class, spec -> spec.withText("Import")));

        assertThat(projects.find(name).flatMap(ProjectSummary::team)).hasValue("web-" + suffix);
        assertThat(_find(Button.class, spec -> spec.withId("import-open"))).hasSize(1);
    }
}
