package dev.plate.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.security.UserSummary;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

class UsersViewTest extends KaribuTestBase {

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    UserService users;

    @BeforeEach
    void openUsersAsAdmin() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("admin/users");
    }

    @Test
    void an_admin_creates_a_user_who_can_then_log_in_with_that_role() {
        _click(_get(Button.class, spec -> spec.withText("New user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "maria");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Maria Maintainer");
        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withLabel("Role"));
        _setValue(role, Role.MAINTAINER);
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Initial password")), "maria-secret-pass");
        _click(_get(Button.class, spec -> spec.withText("Create user")));

        expectNotifications("Created maria (MAINTAINER)");
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = _get(Grid.class);
        assertThat(grid.getGenericDataView().getItems().map(UserSummary::username)).contains("maria");
        var loggedIn = authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("maria", "maria-secret-pass"));
        assertThat(loggedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_MAINTAINER", "ROLE_DEVELOPER", "ROLE_VIEWER").doesNotContain("ROLE_ADMIN");
    }

    @Test
    void an_invalid_username_is_shown_next_to_the_field_and_nothing_is_stored() {
        long before = users.listUsers().size();
        _click(_get(Button.class, spec -> spec.withText("New user")));
        var username = _get(TextField.class, spec -> spec.withLabel("Username"));
        _setValue(username, "Bad Name!");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Initial password")), "long-enough-pass");
        _click(_get(Button.class, spec -> spec.withText("Create user")));

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).startsWith("Username must be 1-64 characters");
        assertThat(users.listUsers()).hasSize((int) before);
    }

    @Test
    void a_short_password_is_refused_next_to_the_password_field() {
        _click(_get(Button.class, spec -> spec.withText("New user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "shorty");
        var password = _get(PasswordField.class, spec -> spec.withLabel("Initial password"));
        _setValue(password, "short");
        _click(_get(Button.class, spec -> spec.withText("Create user")));

        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Password must be at least 12 characters.");
        assertThat(users.listUsers()).extracting(UserSummary::username).doesNotContain("shorty");
    }

    /** Picking a role asks first: cancelled, nothing changes and the row shows the old role; confirmed, it applies. */
    @Test
    @SuppressWarnings("unchecked")
    void a_role_changes_only_once_confirmed() {
        String name = "rolly" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var user = users.createUser(new dev.plate.security.NewUser(name, "Rolly", Role.DEVELOPER, "rolly-secret-pass"));
        UI.getCurrent().navigate(""); // the page lists the users as they are when it opens
        UI.getCurrent().navigate("admin/users");
        Grid<UserSummary> grid = _get(Grid.class);
        int row = grid.getGenericDataView().getItems().map(UserSummary::username).toList().indexOf(name);
        Select<Role> select = (Select<Role>) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row,
                "role");
        assertThat(select.getItemLabelGenerator().apply(Role.MAINTAINER)).as("as the new-user dialog names it")
                .isEqualTo("Maintainer");

        _setValue(select, Role.MAINTAINER);
        var dialog = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(dialog.getElement().getProperty("message", "") + dialog.getElement().getTextRecursively())
                .contains("Developer → Maintainer")
                .contains("sessions end");
        assertThat(role(user.id())).as("nothing before the confirmation").isEqualTo(Role.DEVELOPER);
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.CancelEvent(dialog, true));
        dialog.close(); // as the browser closes it
        assertThat(select.getValue()).isEqualTo(Role.DEVELOPER);
        assertThat(role(user.id())).isEqualTo(Role.DEVELOPER);

        _setValue(select, Role.MAINTAINER);
        dialog = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog,
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(dialog, true));
        assertThat(role(user.id())).isEqualTo(Role.MAINTAINER);
    }

    private Role role(long id) {
        return users.listUsers().stream().filter(u -> u.id() == id).findFirst().orElseThrow().role();
    }
}
