package dev.plate.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class ProfileViewTest extends KaribuTestBase {

    @Autowired
    UserService users;

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    dev.plate.security.ApiTokens tokens;

    @BeforeEach
    void aUserOpensTheirProfile() {
        login("admin", Role.ADMIN);
        if (users.listUsers().stream().noneMatch(u -> u.username().equals("pat"))) {
            users.createUser(new NewUser("pat", "Pat", Role.VIEWER, "pat-first-password"));
        }
        login("pat", Role.VIEWER);
        UI.getCurrent().navigate("profile");
    }

    @Test
    void a_user_changes_their_password_and_the_old_one_stops_working() {
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "pat-first-password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "pat-second-password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat new password")), "pat-second-password");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        expectNotifications("Your password has been changed");
        assertThat(authenticate("pat", "pat-second-password").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authenticate("pat", "pat-first-password"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_wrong_current_password_is_shown_next_to_that_field() {
        var current = _get(PasswordField.class, spec -> spec.withLabel("Current password"));
        _setValue(current, "not-my-password");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "whatever-new-pass");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Repeat new password")), "whatever-new-pass");
        _click(_get(Button.class, spec -> spec.withText("Change password")));

        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("The current password is not correct.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_user_creates_an_access_token_sees_it_once_and_revokes_it() {
        int before = tokens.mine().size();
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Token name")),
                "laptop");
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        String token = _get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withClasses("plate-secret")).getValue();
        assertThat(token).startsWith("plate_");
        assertThat(tokens.authenticate(token).orElseThrow().getName()).isEqualTo("pat");
        _click(_get(Button.class, spec -> spec.withText("Done")));

        com.vaadin.flow.component.grid.Grid<dev.plate.security.ApiTokens.TokenSummary> grid =
                _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(before + 1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, 0, "name")).isEqualTo("laptop");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, 0, "token"))
                .isEqualTo(token.substring(0, 10) + "…");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, 0, "status")).isEqualTo("Active");

        _click((Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "revoke"));

        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, 0, "status")).isEqualTo("Revoked");
    }

    @Test
    void an_empty_token_name_is_refused_next_to_the_field() {
        int before = tokens.mine().size();
        _click(_get(Button.class, spec -> spec.withText("Create token")));

        var name = _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Token name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("Name the token");
        assertThat(tokens.mine()).hasSize(before);
    }

    private org.springframework.security.core.Authentication authenticate(String username, String password) {
        return authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
