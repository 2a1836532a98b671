package dev.plate.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a secret exactly once, selectable for copying. */
public class OneTimeSecretDialog extends Dialog {

    public OneTimeSecretDialog(String title, String explanation, String secret) {
        setHeaderTitle(title);
        var value = new TextField();
        value.setValue(secret);
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("plate-secret");
        add(new Paragraph(explanation), value);
        var done = new Button("Done", event -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
