package dev.plate.projects.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.KaribuTestBase;
import dev.plate.teams.TeamService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The project page offers each person the buttons their role in the project's team allows, and no others. */
class TeamProjectPageTest extends KaribuTestBase {

    @Autowired
    TeamService teams;
    @Autowired
    UserService users;
    @Autowired
    DeploymentService deployments;

    @Test
    void buttons_follow_the_role_in_the_projects_team() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String project = "page-" + suffix;
        login("root", Role.ADMIN);
        teams.create("own-" + suffix, "");
        teams.create("other-" + suffix, "");
        for (String[] member : new String[][] {{"dev-" + suffix, "own-", "DEVELOPER"},
                {"maint-" + suffix, "own-", "MAINTAINER"}, {"stranger-" + suffix, "other-", "MAINTAINER"}}) {
            users.createUser(new NewUser(member[0], "", Role.VIEWER, "a-long-enough-password-1"));
            teams.setMember(member[1] + suffix, member[0], Role.valueOf(member[2]));
        }
        deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080, "/",
                List.of()).inTeam("own-" + suffix), "1.0.0"));
        deployments.deploy(DeployRequest.image(project, "dev", "1.1.0"));

        assertThat(buttonsAs("dev-" + suffix, project)).contains("dev:Deploy", "staging:Deploy")
                .doesNotContain("prod:Deploy", "dev:Promote to staging", "dev:Roll back", "Remove project");
        assertThat(buttonsAs("maint-" + suffix, project)).contains("dev:Deploy", "prod:Deploy",
                "dev:Promote to staging", "dev:Roll back", "Remove project");
        assertThat(buttonsAs("stranger-" + suffix, project)).doesNotContain("dev:Deploy", "dev:Promote to staging",
                "Remove project");
    }

    /** "env:label" for each environment card's buttons, and the page's own buttons by label. */
    private List<String> buttonsAs(String username, String project) {
        login(username, Role.VIEWER);
        UI.getCurrent().navigate("projects/" + project);
        var labels = new java.util.ArrayList<String>();
        for (String env : List.of("dev", "staging", "prod")) {
            var card = _get(Div.class, spec -> spec.withAttribute("data-environment", env));
            _find(card, Button.class).forEach(button -> labels.add(env + ":" + button.getText()));
        }
        _find(Button.class, spec -> spec.withText("Remove project")).forEach(button -> labels.add(button.getText()));
        return labels;
    }
}
