package dev.plate.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.KaribuTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.WebAttributes;

class LoginViewTest extends KaribuTestBase {

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    UserService users;

    @Test
    void anonymous_user_lands_on_the_login_page() {
        UI.getCurrent().navigate("");

        _assertOne(LoginView.class);
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void anonymous_user_asking_for_an_admin_page_lands_on_the_login_page() {
        UI.getCurrent().navigate("admin/users");

        _assertOne(LoginView.class);
    }

    @Test
    void a_failed_login_says_the_credentials_were_wrong() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        var form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18nSentToBrowser(form)).contains("Incorrect username or password");
    }

    @Test
    void a_locked_out_account_is_refused_even_with_the_right_password_and_the_page_says_so() {
        login("admin", Role.ADMIN);
        users.createUser(new NewUser("lockme", "Lock Me", Role.DEVELOPER, "right-password-123"));
        logout();

        for (int i = 0; i < 4; i++) {
            String wrong = "wrong-password-" + i;
            assertThatThrownBy(() -> authenticate("lockme", wrong))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticate("lockme", "wrong-password-5")).isInstanceOf(LockedException.class);
        var refusal = org.junit.jupiter.api.Assertions.assertThrows(LockedException.class,
                () -> authenticate("lockme", "right-password-123"));

        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, refusal);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        var form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18nSentToBrowser(form)).contains("Locked for now")
                .contains("Too many failed sign-ins to this account from your address: try again in 15 minutes");
    }

    @Test
    void a_refused_single_sign_on_says_why() {
        var refusal = new org.springframework.security.oauth2.core.OAuth2AuthenticationException(
                new org.springframework.security.oauth2.core.OAuth2Error("access_denied", "None of your groups gives "
                        + "access to Plate.", null));
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, refusal);

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        var form = _get(LoginForm.class);
        assertThat(i18nSentToBrowser(form)).contains("Single sign-on did not work")
                .contains("None of your groups gives access to Plate.");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class)).as("no provider, no button").isEmpty();
    }

    @Test
    void a_password_turned_off_says_to_use_single_sign_on() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new dev.plate.security.PasswordSignInOffException("Your account signs in with single sign-on: passwords "
                        + "are kept for administrators."));

        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        assertThat(i18nSentToBrowser(_get(LoginForm.class))).contains("Use single sign-on")
                .contains("passwords are kept for administrators");
    }

    @Test
    void a_signed_in_user_opening_the_login_page_goes_to_the_dashboard() {
        login("admin", Role.ADMIN);

        UI.getCurrent().navigate("login");

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
    }

    /** The texts as the browser receives them: the form's i18n property. */
    private static String i18nSentToBrowser(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    private void authenticate(String username, String password) {
        authenticationProvider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private void logout() {
        securityContext.clearContext();
    }
}
