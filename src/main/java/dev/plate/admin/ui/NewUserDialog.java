package dev.plate.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.security.UserSummary;
import java.util.Map;
import java.util.function.Consumer;

/** Creates an account; the service's refusal is shown next to the field it names. */
class NewUserDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Name");
    private final Select<Role> role = new Select<>();
    private final PasswordField password = new PasswordField("Initial password");
    private final Map<String, HasValidation> fields;

    NewUserDialog(UserService users, Consumer<UserSummary> onCreated) {
        setHeaderTitle("New user");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(Role::label);
        role.setValue(Role.DEVELOPER);
        username.setHelperText("Lowercase letters, digits, '.', '_' or '-'");
        password.setHelperText("At least 12 characters");
        fields = Map.of("username", username, "displayName", displayName, "role", role, "password", password);
        var form = new FormLayout(username, displayName, role, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form);
        var create = new Button("Create user", event -> create(users, onCreated));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), create);
    }

    private void create(UserService users, Consumer<UserSummary> onCreated) {
        FieldErrors.clear(fields);
        try {
            UserSummary created = users.createUser(new NewUser(username.getValue(), displayName.getValue(),
                    role.getValue(), password.getValue()));
            Notifications.success("Created " + created.username() + " (" + created.role() + ")");
            onCreated.accept(created);
            close();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        }
    }
}
