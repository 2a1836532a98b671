package dev.plate.teams.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class TeamsViewTest extends KaribuTestBase {

    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_makes_a_team_adds_an_account_and_a_group_and_bad_input_stays_at_its_field() {
        login("root", Role.ADMIN);
        String member = "teams-view-" + Long.toString(System.nanoTime(), 36);
        users.createUser(new NewUser(member, "", Role.VIEWER, "a-long-enough-password-1"));
        UI.getCurrent().navigate("admin/teams");

        var name = _get(TextField.class, spec -> spec.withId("team-name"));
        _setValue(name, "Payments Team");
        _click(_get(Button.class, spec -> spec.withId("team-create")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("lowercase letters, digits and '-'");

        _setValue(name, "payments-ui");
        _setValue(_get(TextField.class, spec -> spec.withId("team-display-name")), "Payments");
        _click(_get(Button.class, spec -> spec.withId("team-create")));
        var section = _get(Div.class, spec -> spec.withAttribute("data-team", "payments-ui"));
        assertThat(section.getElement().getTextRecursively()).contains("Payments (payments-ui)", "No projects yet.");

        var who = _get(TextField.class, spec -> spec.withId("team-payments-ui-member"));
        _setValue(who, "nobody-" + member);
        _click(_get(Button.class, spec -> spec.withId("team-payments-ui-member-add")));
        assertThat(who.getErrorMessage()).contains("There is no user named");

        _setValue(_get(TextField.class, spec -> spec.withId("team-payments-ui-member")), member);
        _click(_get(Button.class, spec -> spec.withId("team-payments-ui-member-add")));
        _setValue(_get(TextField.class, spec -> spec.withId("team-payments-ui-group")), "/payments");
        _click(_get(Button.class, spec -> spec.withId("team-payments-ui-group-add")));

        assertThat(_get(Div.class, spec -> spec.withAttribute("data-team", "payments-ui")).getElement()
                .getTextRecursively()).contains(member, "/payments");
        assertThat(jdbc.queryForObject("select m.role from team_member m join team t on t.id = m.team_id join "
                + "plate_user u on u.id = m.user_id where t.name = 'payments-ui' and u.username = ?", String.class,
                member)).isEqualTo("DEVELOPER");
        assertThat(jdbc.queryForObject("select role from team_group g join team t on t.id = g.team_id where t.name = "
                + "'payments-ui' and g.group_name = '/payments'", String.class)).isEqualTo("DEVELOPER");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where target = 'team:payments-ui'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void only_an_admin_reaches_the_teams_page() {
        login("dev", Role.MAINTAINER);

        assertNotAllowed("admin/teams", TeamsView.class, "administrators");
    }
}
