package dev.plate.profile.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;
import dev.plate.security.ProfileSection;
import dev.plate.security.UserService;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The signed-in user's own account: who they are and their password, then the sections other modules add (their
 * access tokens) through {@link ProfileSection}.
 */
@Route("profile")
@PageTitle("Profile")
@PermitAll
class ProfileView extends Div {

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat new password");

    ProfileView(UserService users, ObjectProvider<ProfileSection> sections) {
        addClassName("plate-page");
        var me = users.currentUser();
        var who = new Paragraph(me.displayName() + " (" + me.username() + ") · " + me.role() + ": "
                + me.role().description());
        who.addClassName("plate-muted");
        next.setHelperText("At least 12 characters");
        var form = new FormLayout(current, next, repeat);
        form.setMaxWidth("28rem");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var save = new Button("Change password", event -> change(users));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (me.singleSignOn()) {
            var sso = new Paragraph("You sign in with single sign-on: your password and groups are kept by the "
                    + "provider, and your role follows your groups at every sign-in.");
            sso.addClassName("plate-muted");
            add(new H2("Your account"), who, sso);
        } else {
            add(new H2("Your account"), who, new H2("Change password"), form, save);
        }
        sections.orderedStream().map(ProfileSection::create).forEach(this::add);
    }

    private void change(UserService users) {
        current.setInvalid(false);
        next.setInvalid(false);
        repeat.setInvalid(false);
        if (!next.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two new passwords differ.");
            repeat.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(current.getValue(), next.getValue());
            current.clear();
            next.clear();
            repeat.clear();
            Notifications.success("Your password has been changed");
        } catch (ValidationException e) {
            var field = "currentPassword".equals(e.field()) ? current : next;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }
}
