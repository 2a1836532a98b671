package dev.plate.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.plate.security.SecurityProperties;
import dev.plate.security.BrowserSignIn;
import java.util.Objects;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page. The form posts to Spring Security; a refused login comes back as {@code ?error}, and the
 * page explains why from the exception Spring Security left in the session.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Plate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authentication;
    private final SecurityProperties security;

    public LoginView(AuthenticationContext authentication, SecurityProperties security,
            java.util.List<BrowserSignIn> otherWays) {
        this.authentication = authentication;
        this.security = security;
        addClassName("plate-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var title = new H1("Plate");
        var tagline = new Paragraph("GitOps deployments: Helm, Git and Argo CD, without the YAML.");
        tagline.addClassName("plate-login-tagline");
        var card = new Div(title, tagline);
        otherWays.forEach(way -> way.buttonLabel().ifPresent(label -> card.add(providerButton(way.loginPath(), label))));
        card.add(form);
        card.addClassName("plate-login-card");
        add(card);
    }

    /**
     * A plain link, not a router link: the way to the provider is Spring Security's redirect, outside Vaadin. The
     * password form stays beside it, for local accounts and the administrator's break glass.
     */
    private static Component providerButton(String path, String label) {
        var link = new Anchor(path, label);
        link.setRouterIgnore(true);
        link.setId("sso-sign-in");
        link.addClassName("plate-sso-button");
        var or = new Paragraph("or with a Plate account");
        or.addClassName("plate-login-or");
        return new Div(link, or);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            showError(lastFailure());
        }
    }

    private void showError(Object failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        var message = i18n.getErrorMessage();
        switch (failure) {
            case LockedException locked -> {
                message.setTitle("Locked for now");
                message.setMessage(locked.getMessage());
            }
            case OAuth2AuthenticationException sso -> {
                message.setTitle("Single sign-on did not work");
                message.setMessage(explain(sso));
            }
            case dev.plate.security.PasswordSignInOffException off -> {
                message.setTitle("Use single sign-on");
                message.setMessage(off.getMessage());
            }
            case dev.plate.security.SignInRateLimitedException limited -> {
                message.setTitle("Too many attempts");
                message.setMessage(limited.getMessage());
            }
            // A disabled account gets the same answer as a wrong password: the page must not tell a
            // stranger which accounts exist.
            case null, default -> {
                message.setTitle("Incorrect username or password");
                message.setMessage("Check your username and password and try again. After "
                        + security.maxFailedLogins() + " failed attempts from here, this address is locked out of the "
                        + "account for a while.");
            }
        }
        form.setI18n(i18n);
        form.setError(true);
    }

    /** Plate's own refusals say what to do; the protocol's errors get a sentence a person can act on. */
    private static String explain(OAuth2AuthenticationException failure) {
        var error = failure.getError();
        return switch (error.getErrorCode()) {
            case "authorization_request_not_found" -> "The answer from the provider did not match a sign-in started "
                    + "here (it took too long, or came from another browser tab). Start again.";
            case "invalid_id_token", "invalid_nonce" -> "The provider's answer could not be verified, so Plate did not "
                    + "trust it. Start again; if it keeps failing, an administrator should check the issuer URL.";
            case "invalid_token_response", "invalid_user_info_response" -> "Plate could not complete the sign-in with "
                    + "the provider: " + Objects.requireNonNullElse(error.getDescription(), error.getErrorCode());
            default -> Objects.requireNonNullElse(error.getDescription(), "The provider refused the sign-in ("
                    + error.getErrorCode() + ").");
        };
    }

    private static Object lastFailure() {
        var session = VaadinSession.getCurrent().getSession();
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
