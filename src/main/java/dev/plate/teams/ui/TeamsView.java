package dev.plate.teams.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.security.Role;
import dev.plate.security.Roles;
import dev.plate.teams.Team;
import dev.plate.teams.TeamService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * Admin → Teams: each team's members (accounts, and the sign-in provider's groups) with their role in it, and the
 * projects it owns. A role in a team decides what its members may do to its projects.
 */
@Route("admin/teams")
@PageTitle("Teams")
@Menu(order = 10.5, title = "Teams", icon = "vaadin:group")
@RolesAllowed(Roles.ADMIN)
class TeamsView extends Div {

    private static final List<Role> TEAM_ROLES = List.of(Role.MAINTAINER, Role.DEVELOPER, Role.VIEWER);

    private final transient TeamService teams;
    private final Div list = new Div();

    TeamsView(TeamService teams) {
        this.teams = teams;
        addClassName("plate-page");
        var intro = new Paragraph("A project belongs to one team (chosen at import). Its members' role in the team "
                + "decides what they may do to its projects: DEVELOPER deploys and retries, MAINTAINER also promotes, "
                + "rolls back, removes and deploys to protected environments. A Plate-wide role (Users) counts "
                + "everywhere, so give most people VIEWER there and their real role here. Members come from accounts, "
                + "or from the sign-in provider's groups, which are read again at every sign-in.");
        intro.addClassName("plate-muted");
        add(new H2("Teams"), intro, newTeam(), list);
        refresh();
    }

    private Component newTeam() {
        var name = new TextField("New team");
        name.setId("team-name");
        name.setPlaceholder("payments");
        var display = new TextField("Display name");
        display.setId("team-display-name");
        var create = new Button("Create team", event -> {
            FieldErrors.clear(Map.of("name", name, "displayName", display));
            try {
                teams.create(name.getValue(), display.getValue());
                Notifications.success("Team " + name.getValue().strip() + " created");
                name.clear();
                display.clear();
                refresh();
            } catch (ValidationException refusal) {
                FieldErrors.show(refusal, Map.of("name", name, "displayName", display));
            }
        });
        create.setId("team-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new Div(name, display, create);
        row.addClassName("plate-inline-form");
        return row;
    }

    private void refresh() {
        list.removeAll();
        var all = teams.list();
        if (all.isEmpty()) {
            list.add(new Paragraph("No team yet: projects follow Plate-wide roles."));
        }
        all.forEach(team -> list.add(section(team)));
    }

    private Component section(Team team) {
        var section = new Div();
        section.addClassName("plate-section");
        section.getElement().setAttribute("data-team", team.name());
        var title = new H3(team.displayName().equals(team.name()) ? team.name() : team.displayName() + " (" + team.name()
                + ")");
        var projects = new Paragraph(team.projects().isEmpty() ? "No projects yet." : "Projects: "
                + String.join(", ", team.projects()));
        projects.addClassName("plate-muted");
        section.add(title, projects);
        team.members().forEach(member -> section.add(row(member.username(), member.role(), "account",
                role -> teams.setMember(team.name(), member.username(), role),
                () -> teams.removeMember(team.name(), member.username()))));
        team.groups().forEach(group -> section.add(row(group.group(), group.role(), "group",
                role -> teams.setGroup(team.name(), group.group(), role),
                () -> teams.removeGroup(team.name(), group.group()))));
        section.add(adder(team, "Add account", "Username", "member",
                (who, role) -> teams.setMember(team.name(), who, role)));
        section.add(adder(team, "Map group", "Group at the provider", "group",
                (who, role) -> teams.setGroup(team.name(), who, role)));
        var delete = new Button("Delete team", event -> {
            var confirm = new ConfirmDialog("Delete team " + team.name() + "?", "Its members lose their role in it. "
                    + "A team that still owns projects is not deleted.", "Delete", confirmed -> Notifications.attempt(
                            () -> teams.delete(team.name()), "Team " + team.name() + " deleted", this::refresh));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        section.add(delete);
        return section;
    }

    private Component row(String who, Role role, String kind, java.util.function.Consumer<Role> change,
            Runnable remove) {
        var label = new Span(who);
        label.addClassName("plate-team-who");
        var badge = new Span(kind);
        badge.addClassNames("plate-badge", "plate-badge-not_configured");
        var select = roleSelect();
        select.setValue(role);
        select.setAriaLabel("Role of " + who);
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                Notifications.attempt(() -> change.accept(event.getValue()), who + " is now " + event.getValue()
                        .label() + " in the team", this::refresh);
            }
        });
        var removeButton = new Button("Remove", event -> Notifications.attempt(remove, who + " removed from the team",
                this::refresh));
        removeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var row = new Div(label, badge, select, removeButton);
        row.addClassName("plate-inline-form");
        return row;
    }

    private Component adder(Team team, String action, String label, String kind,
            java.util.function.BiConsumer<String, Role> add) {
        var who = new TextField(label);
        who.setId("team-" + team.name() + "-" + kind);
        var role = roleSelect();
        role.setValue(Role.DEVELOPER);
        role.setId("team-" + team.name() + "-" + kind + "-role");
        var button = new Button(action, event -> {
            FieldErrors.clear(Map.of("username", who, "group", who));
            try {
                add.accept(who.getValue(), role.getValue());
                Notifications.success(who.getValue().strip() + " is " + role.getValue().label() + " in " + team.name());
                refresh();
            } catch (ValidationException refusal) {
                FieldErrors.show(refusal, Map.of("username", who, "group", who));
            }
        });
        button.setId("team-" + team.name() + "-" + kind + "-add");
        var row = new Div(who, role, button);
        row.addClassName("plate-inline-form");
        return row;
    }

    private static Select<Role> roleSelect() {
        var select = new Select<Role>();
        select.setItems(TEAM_ROLES);
        select.setItemLabelGenerator(Role::label);
        return select;
    }
}
