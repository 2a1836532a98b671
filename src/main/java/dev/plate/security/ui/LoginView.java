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
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
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
    private final java.util.List<BrowserSignIn> otherWays;

    public LoginView(AuthenticationContext authentication, SecurityProperties security,
            java.util.List<BrowserSignIn> otherWays) {
        this.authentication = authentication;
        this.security = security;
        this.otherWays = otherWays;
        addClassName("plate-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var tagline = new Paragraph("GitOps deployments: Helm, Git and Argo CD, without the YAML.");
        tagline.addClassName("plate-login-tagline");
        var card = new Div(new H1("Plate"), tagline);
        var buttons = otherWays.stream().flatMap(way -> way.buttons().stream()).toList();
        if (!buttons.isEmpty()) {
            card.add(providerButtons(buttons));
        }
        card.add(form);
        card.addClassName("plate-login-card");
        add(card);
    }

    /**
     * A plain link, not a router link: the way to the provider is Spring Security's redirect, outside Vaadin. The
     * password form stays beside it, for local accounts and the administrator's break glass.
     */
    private static Component providerButtons(java.util.List<BrowserSignIn.Button> buttons) {
        var column = new Div();
        for (var button : buttons) {
            var link = new Anchor(button.path(), button.label());
            link.setRouterIgnore(true);
            // Stable for tests and scripts: "sso-" and the last segment of the address, the provider's id.
            link.setId("sso-" + button.path().substring(button.path().lastIndexOf('/') + 1));
            link.addClassName("plate-sso-button");
            column.add(link);
        }
        var or = new Paragraph("or with a Plate account");
        or.addClassName("plate-login-or");
        column.add(or);
        return column;
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
            case Exception sso when explained(sso).isPresent() -> {
                message.setTitle("Single sign-on did not work");
                message.setMessage(explained(sso).get());
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

    private java.util.Optional<String> explained(Exception failure) {
        return otherWays.stream().flatMap(way -> way.explain(failure).stream()).findFirst();
    }

    private static Object lastFailure() {
        var session = VaadinSession.getCurrent().getSession();
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
