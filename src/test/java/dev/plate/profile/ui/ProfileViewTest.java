package dev.plate.profile.ui;

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

    private org.springframework.security.core.Authentication authenticate(String username, String password) {
        return authenticationProvider.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }
}
