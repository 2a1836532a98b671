package dev.plate.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.ui.FieldErrors;
import dev.plate.argocdserver.ArgoCdServerAdministration;
import dev.plate.argocdserver.ArgoCdServerConnection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Admin → Integrations, Argo CD's API server: where resources, logs and events come from. The token and CA bundle are
 * write-only: saved encrypted, never shown again; leaving a box empty keeps what is saved.
 */
class ArgoCdServerSection extends Div {

    private final ArgoCdServerAdministration server;
    private final TextField url = new TextField("Argo CD URL");
    private final PasswordField token = new PasswordField("Account token");
    private final TextArea caBundle = new TextArea("CA bundle (PEM, optional)");
    private final Checkbox removeCa = new Checkbox("Remove the saved CA bundle (trust the usual authorities)");
    private final Paragraph source = new Paragraph();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = Map.of("url", url, "token", token, "caBundle", caBundle);

    ArgoCdServerSection(ArgoCdServerAdministration server) {
        this.server = server;
        addClassName("plate-section");
        url.setId("argocd-server-url");
        url.setPlaceholder("https://argocd.example.com");
        url.setWidthFull();
        token.setId("argocd-server-token");
        token.setWidthFull();
        caBundle.setId("argocd-server-ca");
        caBundle.setWidthFull();
        caBundle.setMaxHeight("12em");
        caBundle.addClassName("plate-secret");
        removeCa.setId("argocd-server-remove-ca");
        var test = new Button("Test connection", event -> run(server::test, false));
        var save = new Button("Save", event -> run(server::save, true));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        test.setId("argocd-server-test");
        save.setId("argocd-server-save");
        var buttons = new Div(test, save);
        buttons.addClassName("plate-form-buttons");
        source.addClassName("plate-muted");
        result.getElement().setAttribute("data-result", "argocd-server");
        var intro = new Paragraph("Resources, pod logs and events of every app come from Argo CD's API server, which "
                + "already reaches every cluster and applies Argo CD's RBAC: nobody needs cluster credentials. Give "
                + "Plate an account with get on applications and logs (argocd account generate-token). TLS is "
                + "always verified; add a CA bundle when Argo CD's certificate is from your own authority.");
        intro.addClassName("plate-muted");
        var form = new Div(url, token, caBundle, removeCa, buttons, result);
        form.addClassName("plate-form");
        add(new H2("Argo CD API server"), intro, source, form);
        show(server.current());
    }

    private void show(ArgoCdServerConnection.Current current) {
        url.setValue(current.url());
        token.clear();
        token.setPlaceholder(current.tokenSaved() ? "Saved (encrypted, not shown). Paste a new one to replace it."
                : "");
        caBundle.clear();
        caBundle.setPlaceholder(current.caBundleSaved() ? "A CA bundle is saved (not shown). Paste a new one to "
                + "replace it." : "-----BEGIN CERTIFICATE-----");
        removeCa.setValue(false);
        removeCa.setVisible(current.caBundleSaved());
        source.setText(switch (current.source()) {
            case "saved" -> "In use: the server saved here.";
            case "environment" -> "In use: PLATE_ARGOCD_SERVER_URL and PLATE_ARGOCD_TOKEN. Saving here replaces them.";
            default -> "In use: none. Resources, logs, events and failure evidence are off until this is set.";
        });
    }

    private void run(Function<ArgoCdServerConnection, ComponentStatus> action, boolean saves) {
        FieldErrors.clear(fields);
        var request = new ArgoCdServerConnection(url.getValue(), present(token.getValue()),
                present(caBundle.getValue()), removeCa.getValue());
        try {
            StatusLine.show(result, action.apply(request));
            if (saves) {
                show(server.current());
            }
        } catch (ValidationException refusal) {
            FieldErrors.show(refusal, fields);
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
