package dev.plate.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.ui.FieldErrors;
import dev.plate.sso.OidcProvider;
import dev.plate.security.Role;
import dev.plate.sso.SingleSignOn;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Admin → Integrations, Sign-in: the OpenID Connect provider people sign in with, and which of its groups give which
 * role. The client secret is write-only: saved encrypted, never shown again; leaving it empty keeps what is saved.
 */
class SignInSection extends Div {

    private static final String NO_ACCESS = "No access";

    private final SingleSignOn singleSignOn;
    private final TextField name = new TextField("Button name");
    private final TextField issuer = new TextField("Issuer URL");
    private final TextField clientId = new TextField("Client id");
    private final PasswordField clientSecret = new PasswordField("Client secret");
    private final TextField scopes = new TextField("Scopes");
    private final TextField groupsClaim = new TextField("Groups claim");
    private final TextArea groupRoles = new TextArea("Groups → roles (one per line: group = ROLE)");
    private final Select<String> defaultRole = new Select<>();
    private final com.vaadin.flow.component.checkbox.Checkbox localSignIn = new com.vaadin.flow.component.checkbox
            .Checkbox("Plate passwords for everyone (off: only administrators, the way in when the provider is down)");
    private final Paragraph source = new Paragraph();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = Map.of("name", name, "issuerUrl", issuer, "clientId", clientId,
            "clientSecret", clientSecret, "scopes", scopes, "groupsClaim", groupsClaim, "groupRoles", groupRoles,
            "defaultRole", defaultRole);

    SignInSection(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
        addClassName("plate-section");
        name.setId("oidc-name");
        name.setPlaceholder("Keycloak");
        issuer.setId("oidc-issuer");
        issuer.setPlaceholder("https://keycloak.example.com/realms/acme");
        issuer.setWidthFull();
        clientId.setId("oidc-client-id");
        clientSecret.setId("oidc-client-secret");
        clientSecret.setWidthFull();
        scopes.setId("oidc-scopes");
        scopes.setWidthFull();
        groupsClaim.setId("oidc-groups-claim");
        groupRoles.setId("oidc-group-roles");
        groupRoles.setWidthFull();
        groupRoles.setPlaceholder("plate-admins = ADMIN\nplate-maintainers = MAINTAINER\nengineering = DEVELOPER");
        defaultRole.setId("oidc-default-role");
        defaultRole.setLabel("Everyone else the provider signs in");
        defaultRole.setItems(NO_ACCESS, Role.VIEWER.name(), Role.DEVELOPER.name(), Role.MAINTAINER.name(),
                Role.ADMIN.name());
        var test = new Button("Test connection", event -> run(singleSignOn::test, false));
        var save = new Button("Save", event -> run(singleSignOn::save, true));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        test.setId("oidc-test");
        save.setId("oidc-save");
        var buttons = new Div(test, save);
        buttons.addClassName("plate-form-buttons");
        source.addClassName("plate-muted");
        result.getElement().setAttribute("data-result", "oidc");
        var intro = new Paragraph("People sign in with their company identity through an OpenID Connect provider "
                + "(Keycloak, Gitea, Dex, Entra ID, Okta…). Their account is made at the first sign-in, and its role "
                + "comes from their groups at every sign-in: removing someone from a group at the provider removes "
                + "their access at their next sign-in, tokens included. Local accounts keep working beside it, so "
                + "the administrator account is the way in when the provider is down.");
        intro.addClassName("plate-muted");
        var redirect = new Paragraph("Register this redirect URI for Plate's client at the provider: ");
        redirect.add(new Code(redirectUri()));
        redirect.addClassName("plate-muted");
        localSignIn.setId("oidc-local-sign-in");
        var form = new Div(name, issuer, clientId, clientSecret, scopes, groupsClaim, groupRoles, defaultRole,
                localSignIn, buttons, result);
        form.addClassName("plate-form");
        add(new H2("Sign-in"), intro, redirect, source, form);
        show(singleSignOn.current());
    }

    private void show(OidcProvider.Current current) {
        var provider = current.provider();
        name.setValue(provider.name());
        issuer.setValue(provider.issuerUrl());
        clientId.setValue(provider.clientId());
        clientSecret.clear();
        clientSecret.setPlaceholder(current.secretSaved() ? "Saved (encrypted, not shown). Type a new one to replace it."
                : "Empty for a public client (PKCE only)");
        scopes.setValue(provider.scopes());
        groupsClaim.setValue(provider.groupsClaim());
        groupRoles.setValue(provider.groupRoles());
        defaultRole.setValue(provider.defaultRole().map(Role::name).orElse(NO_ACCESS));
        localSignIn.setValue(provider.localSignIn());
        source.setText(switch (current.source()) {
            case "saved" -> "In use: the provider saved here.";
            case "environment" -> "In use: PLATE_OIDC_ISSUER_URL and the other PLATE_OIDC_* settings. Saving here "
                    + "replaces them.";
            default -> "In use: none. Only local accounts sign in.";
        });
    }

    private void run(Function<OidcProvider, ComponentStatus> action, boolean saves) {
        FieldErrors.clear(fields);
        var request = new OidcProvider(name.getValue(), issuer.getValue(), clientId.getValue(),
                Optional.ofNullable(clientSecret.getValue()).filter(text -> !text.isBlank()), scopes.getValue(),
                groupsClaim.getValue(), groupRoles.getValue(), Optional.ofNullable(defaultRole.getValue())
                        .filter(role -> !NO_ACCESS.equals(role)).map(Role::valueOf), localSignIn.getValue());
        try {
            StatusLine.show(result, action.apply(request));
            if (saves) {
                show(singleSignOn.current());
            }
        } catch (ValidationException refusal) {
            FieldErrors.show(refusal, fields);
        }
    }

    /** Plate's address as this browser reaches it, which is what the provider will send the person back to. */
    private static String redirectUri() {
        var request = VaadinServletRequest.getCurrent();
        String path = "/login/oauth2/code/oidc";
        if (!(request instanceof VaadinServletRequest servlet)) {
            return "https://<plate's address>" + path;
        }
        var http = servlet.getHttpServletRequest();
        String scheme = http.getScheme();
        int port = http.getServerPort();
        boolean usual = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + http.getServerName() + (usual ? "" : ":" + port) + http.getContextPath() + path;
    }
}
