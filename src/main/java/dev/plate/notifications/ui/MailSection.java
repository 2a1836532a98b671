package dev.plate.notifications.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.notifications.MailServer;
import java.util.Map;
import java.util.Optional;

/** The SMTP server e-mail channels send through; the password is write-only. An empty host turns e-mail off. */
class MailSection extends Div {

    private final TextField host = new TextField("SMTP host");
    private final IntegerField port = new IntegerField("Port");
    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private final TextField from = new TextField("From");
    private final Checkbox starttls = new Checkbox("STARTTLS (off only for a server inside your network)");
    private final Map<String, HasValidation> fields = Map.of("host", host, "port", port, "from", from);

    MailSection(MailServer mail) {
        addClassName("plate-form");
        host.setId("mail-host");
        port.setId("mail-port");
        from.setId("mail-from");
        password.setId("mail-password");
        starttls.setId("mail-starttls");
        show(mail.current());
        var save = new Button("Save e-mail settings", event -> {
            FieldErrors.clear(fields);
            try {
                mail.save(new MailServer.Smtp(host.getValue(), port.getValue() == null ? 0 : port.getValue(),
                        username.getValue(), Optional.ofNullable(password.getValue()), from.getValue(),
                        starttls.getValue()));
                Notifications.success(host.getValue().isBlank() ? "E-mail turned off" : "Saved: e-mail goes through "
                        + host.getValue().strip());
                show(mail.current());
            } catch (ValidationException refusal) {
                FieldErrors.show(refusal, fields);
            }
        });
        save.setId("mail-save");
        add(host, port, username, password, from, starttls, save);
    }

    private void show(MailServer.Current current) {
        var smtp = current.smtp();
        host.setValue(smtp.host());
        port.setValue(smtp.port());
        username.setValue(smtp.username());
        password.clear();
        password.setPlaceholder(current.passwordSaved() ? "Saved (encrypted, not shown)" : "");
        from.setValue(smtp.from());
        starttls.setValue(smtp.starttls());
    }
}
