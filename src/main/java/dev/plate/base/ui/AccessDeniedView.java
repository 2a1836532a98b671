package dev.plate.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A signed-in person opened a page their role does not allow: said inside the app's frame, with the role the page
 * needs and the way back, instead of Vaadin's bare "Could not navigate". Pages exist for every role to see in the
 * navigation anyway, so naming the role gives nothing away.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public final class AccessDeniedView extends Div implements HasDynamicTitle, HasErrorParameter<AccessDeniedException> {

    private final transient AuthenticationContext authentication;

    AccessDeniedView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassNames("plate-page", "plate-error-page");
    }

    /** In the top bar and the browser's tab. */
    @Override
    public String getPageTitle() {
        return "Not allowed";
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String path = event.getLocation().getPath();
        String needs = RouteConfiguration.forSessionScope().getRoute(path)
                .map(view -> view.getAnnotation(RolesAllowed.class))
                .map(roles -> Arrays.stream(roles.value()).map(AccessDeniedView::roleName)
                        .collect(Collectors.joining(" or ")))
                .orElse(null);
        String who = authentication.getPrincipalName().orElse("you");
        removeAll();
        // A page that decides by more than its annotation (a role in a team) says who may in its own words.
        String only = parameter.hasCustomMessage() ? parameter.getCustomMessage() : needs;
        add(new Paragraph(only == null ? "Your account may not open /" + path + "."
                        : "/" + path + " is only for " + only + ". You are signed in as " + who + "."),
                new Paragraph("An administrator can change your role in Admin → Users."),
                new Anchor("", "Back to the dashboard"));
        return HttpServletResponse.SC_FORBIDDEN;
    }

    private static String roleName(String role) {
        return switch (role) {
            case "ADMIN" -> "administrators";
            case "MAINTAINER" -> "maintainers and administrators";
            case "DEVELOPER" -> "developers, maintainers and administrators";
            default -> role.toLowerCase();
        };
    }
}
