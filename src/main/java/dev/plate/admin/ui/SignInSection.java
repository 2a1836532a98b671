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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Admin → Integrations, Sign-in: the OpenID Connect providers people sign in with, one at a time in the form, each
 * with which of its groups give which role; and whether Plate passwords still work for everyone. A client secret is
 * write-only: saved encrypted, never shown again; leaving it empty keeps what is saved.
 */
class SignInSection extends Div {

    private static final String NO_ACCESS = "No access";
    /** The chooser's entry for a provider not saved yet. */
    private static final String NEW = "";

    private final SingleSignOn singleSignOn;
    private final Select<String> chooser = new Select<>();
    private final TextField id = new TextField("Id");
    private final TextField name = new TextField("Button name");
    private final TextField issuer = new TextField("Issuer URL");
    private final TextField clientId = new TextField("Client id");
    private final PasswordField clientSecret = new PasswordField("Client secret");
    private final TextField scopes = new TextField("Scopes");
    private final TextField groupsClaim = new TextField("Groups claim");
    private final TextArea groupRoles = new TextArea("Groups → roles (one per line: group = ROLE)");
    private final Select<String> defaultRole = new Select<>();
    private final com.vaadin.flow.component.checkbox.Checkbox localSignIn = new com.vaadin.flow.component.checkbox
            .Checkbox("Plate passwords for everyone (off: only administrators, the way in when the providers are down)");
    private final Button remove = new Button("Remove");
    private final Paragraph source = new Paragraph();
    private final Code redirect = new Code();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = Map.of("id", id, "name", name, "issuerUrl", issuer, "clientId",
            clientId, "clientSecret", clientSecret, "scopes", scopes, "groupsClaim", groupsClaim, "groupRoles",
            groupRoles, "defaultRole", defaultRole);
    private List<OidcProvider.Current> providers = List.of();

    SignInSection(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
        addClassName("plate-section");
        chooser.setId("oidc-provider");
        chooser.setLabel("Provider");
        chooser.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                show(event.getValue());
            }
        });
        id.setId("oidc-id");
        id.setPlaceholder("keycloak");
        id.setHelperText("In Plate's addresses for this provider; cannot change once saved.");
        id.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        id.addValueChangeListener(event -> redirect.setText(redirectUri(event.getValue())));
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
        // A provider chosen in the list is changed; "Add a provider…" adds one and never replaces another.
        var save = new Button("Save", event -> run(provider -> NEW.equals(chooser.getValue())
                ? singleSignOn.add(provider) : singleSignOn.save(provider), true));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(event -> run(provider -> singleSignOn.save(new OidcProvider(provider.id(), "", "", "",
                Optional.empty(), "", "", "", Optional.empty())), true));
        test.setId("oidc-test");
        save.setId("oidc-save");
        remove.setId("oidc-remove");
        var buttons = new Div(test, save, remove);
        buttons.addClassName("plate-form-buttons");
        source.addClassName("plate-muted");
        result.getElement().setAttribute("data-result", "oidc");
        var intro = new Paragraph("People sign in with their company identity through OpenID Connect providers "
                + "(Keycloak, Gitea, Dex, Entra ID, Okta…), each with its button on the login page. Their account is "
                + "made at the first sign-in, and its role comes from their groups at every sign-in: removing someone "
                + "from a group at the provider removes their access at their next sign-in, tokens included. Local "
                + "accounts keep working beside it, so the administrator account is the way in when a provider is down.");
        intro.addClassName("plate-muted");
        var redirectLine = new Paragraph("Register this redirect URI for Plate's client at the provider: ");
        redirectLine.add(redirect);
        redirectLine.addClassName("plate-muted");
        localSignIn.setId("oidc-local-sign-in");
        localSignIn.setValue(singleSignOn.passwordsForEveryone());
        localSignIn.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                singleSignOn.passwordsForEveryone(event.getValue());
            }
        });
        var form = new Div(chooser, id, name, issuer, clientId, clientSecret, scopes, groupsClaim, groupRoles,
                defaultRole, buttons, result);
        form.addClassName("plate-form");
        add(new H2("Sign-in"), intro, localSignIn, source, redirectLine, form);
        refresh(null);
    }

    /** Reads the providers again and shows {@code selected}, else the first one, else a new one. */
    private void refresh(String selected) {
        providers = singleSignOn.providers();
        var ids = new java.util.ArrayList<String>();
        providers.forEach(current -> ids.add(current.provider().id()));
        ids.add(NEW);
        chooser.setItems(ids);
        chooser.setItemLabelGenerator(item -> item.equals(NEW) ? "Add a provider…" : find(item).map(current ->
                current.provider().name() + " (" + item + (current.source().equals("environment")
                        ? ", from PLATE_OIDC_*" : "") + ")").orElse(item));
        String shown = selected != null && ids.contains(selected) ? selected : ids.getFirst();
        chooser.setValue(shown);
        show(shown);
    }

    private void show(String selected) {
        FieldErrors.clear(fields);
        var current = find(selected);
        var provider = current.map(OidcProvider.Current::provider).orElse(new OidcProvider(providers.isEmpty()
                ? OidcProvider.FIRST : "", "", "", "", Optional.empty(), "openid profile email", "groups", "",
                Optional.of(Role.VIEWER)));
        id.setValue(provider.id());
        id.setReadOnly(current.isPresent());
        redirect.setText(redirectUri(provider.id()));
        name.setValue(provider.name());
        issuer.setValue(provider.issuerUrl());
        clientId.setValue(provider.clientId());
        clientSecret.clear();
        clientSecret.setPlaceholder(current.map(OidcProvider.Current::secretSaved).orElse(false)
                ? "Saved (encrypted, not shown). Type a new one to replace it." : "Empty for a public client (PKCE only)");
        scopes.setValue(provider.scopes());
        groupsClaim.setValue(provider.groupsClaim());
        groupRoles.setValue(provider.groupRoles());
        defaultRole.setValue(provider.defaultRole().map(Role::name).orElse(NO_ACCESS));
        remove.setVisible(current.filter(c -> c.source().equals("saved")).isPresent());
        source.setText(current.map(c -> c.source().equals("saved") ? "In use: the provider saved here."
                : "In use: PLATE_OIDC_ISSUER_URL and the other PLATE_OIDC_* settings. Saving here replaces them.")
                .orElse(providers.isEmpty() ? "In use: none. Only local accounts sign in."
                        : "A new provider: its button is on the login page once it is saved."));
    }

    private Optional<OidcProvider.Current> find(String selected) {
        return providers.stream().filter(current -> current.provider().id().equals(selected)).findFirst();
    }

    private void run(Function<OidcProvider, ComponentStatus> action, boolean saves) {
        FieldErrors.clear(fields);
        var request = new OidcProvider(id.getValue(), name.getValue(), issuer.getValue(), clientId.getValue(),
                Optional.ofNullable(clientSecret.getValue()).filter(text -> !text.isBlank()), scopes.getValue(),
                groupsClaim.getValue(), groupRoles.getValue(), Optional.ofNullable(defaultRole.getValue())
                        .filter(role -> !NO_ACCESS.equals(role)).map(Role::valueOf));
        try {
            var status = action.apply(request);
            if (saves) {
                refresh(id.getValue().strip());
            }
            StatusLine.show(result, status);
        } catch (ValidationException refusal) {
            FieldErrors.show(refusal, fields);
        }
    }

    /** Plate's address as this browser reaches it, which is what the provider will send the person back to. */
    private static String redirectUri(String id) {
        var request = VaadinServletRequest.getCurrent();
        String path = "/login/oauth2/code/" + (id == null || id.isBlank() ? "<id>" : id.strip());
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
