package dev.plate.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.cluster.ClusterConnection.Mode;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.security.Role;
import dev.plate.support.KaribuTestBase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IntegrationsViewTest extends KaribuTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConfigRepository repository;

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_sees_the_connection_in_use_and_a_bad_kubeconfig_is_refused_next_to_the_box() {
        login("root", Role.ADMIN);
        UI.getCurrent().navigate("admin/integrations");

        RadioButtonGroup<Mode> mode = _get(RadioButtonGroup.class, spec -> spec.withLabel("How Plate reaches Argo CD"));
        assertThat(mode.getValue()).isEqualTo(Mode.NONE);
        assertThat(_get(IntegrationsView.class).getElement().getTextRecursively()).contains("In use: ");
        _setValue(mode, Mode.KUBECONFIG);
        var kubeconfig = _get(TextArea.class, spec -> spec.withLabel("Kubeconfig"));
        _setValue(kubeconfig, "clusters: [this is not one");
        _click(_get(Button.class, spec -> spec.withId("argocd-test")));

        assertThat(kubeconfig.isInvalid()).isTrue();
        assertThat(kubeconfig.getErrorMessage()).startsWith("This is not a kubeconfig Plate can use");
        assertThat(jdbc.queryForObject("select count(*) from setting", Long.class)).isZero();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Argo CD namespace")), "argocd");
        _setValue(mode, Mode.NONE);
        _click(_get(Button.class, spec -> spec.withId("argocd-test")));
        assertThat(_get(Div.class, spec -> spec.withAttribute("data-result", "argocd")).getElement()
                .getTextRecursively()).contains("Not configured");
    }

    /**
     * Argo CD's API server: a bad address is refused at its field and nothing is saved; a wrong token is saved but
     * reported; the right one connects; the token is stored sealed and never shown; emptying the URL removes it all.
     */
    @Test
    void the_argo_cd_api_server_is_tested_saved_sealed_and_removed() {
        try (var argoCd = dev.plate.support.FakeArgoCdServer.start()) {
            login("root", Role.ADMIN);
            UI.getCurrent().navigate("admin/integrations");
            var section = _get(ArgoCdServerSection.class);
            assertThat(section.getElement().getTextRecursively()).contains("In use: none");
            var url = _get(TextField.class, spec -> spec.withId("argocd-server-url"));
            var token = _get(PasswordField.class, spec -> spec.withId("argocd-server-token"));
            var result = _get(Div.class, spec -> spec.withAttribute("data-result", "argocd-server"));

            _setValue(url, "argocd.example.com?x=1");
            _setValue(token, "a-token");
            _click(_get(Button.class, spec -> spec.withId("argocd-server-save")));
            assertThat(url.isInvalid()).isTrue();
            assertThat(url.getErrorMessage()).contains("https://argocd.example.com");
            assertThat(jdbc.queryForObject("select count(*) from setting where name like 'argocdserver.%'",
                    Long.class)).isZero();

            _setValue(url, argoCd.url());
            _setValue(token, "not-the-token");
            _click(_get(Button.class, spec -> spec.withId("argocd-server-test")));
            assertThat(result.getElement().getTextRecursively()).contains("Unreachable", "does not accept the token");

            _setValue(token, dev.plate.support.FakeArgoCdServer.TOKEN);
            _click(_get(Button.class, spec -> spec.withId("argocd-server-save")));
            assertThat(result.getElement().getTextRecursively()).contains("Connected", "answers; the token is account");
            assertThat(section.getElement().getTextRecursively()).contains("In use: the server saved here.");
            assertThat(token.getValue()).isEmpty();
            assertThat(token.getPlaceholder()).contains("Saved (encrypted, not shown)");
            String stored = jdbc.queryForObject("select setting_value from setting where name = 'argocdserver.token'",
                    String.class);
            assertThat(stored).startsWith("v1:").doesNotContain(dev.plate.support.FakeArgoCdServer.TOKEN);

            _setValue(url, "");
            _click(_get(Button.class, spec -> spec.withId("argocd-server-save")));
            assertThat(result.getElement().getTextRecursively()).contains("Not configured");
            assertThat(jdbc.queryForObject("select count(*) from setting where name like 'argocdserver.%'",
                    Long.class)).isZero();
            argoCd.assertEveryRequestMatchesArgoCdApi();
        }
    }

    /**
     * Sign-in: a bad mapping is refused at its field and nothing is saved; the real provider's discovery connects; the
     * secret is stored sealed and never shown; the login page then offers the provider; emptying the issuer removes it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_sign_in_provider_is_tested_saved_sealed_offered_on_the_login_page_and_removed() {
        var provider = new MockOAuth2Server();
        provider.start();
        try {
            login("root", Role.ADMIN);
            UI.getCurrent().navigate("admin/integrations");
            var section = _get(SignInSection.class);
            assertThat(section.getElement().getTextRecursively()).contains("In use: none")
                    .contains("/login/oauth2/code/oidc");
            var issuer = _get(TextField.class, spec -> spec.withId("oidc-issuer"));
            var mappings = _get(TextArea.class, spec -> spec.withId("oidc-group-roles"));
            var secret = _get(PasswordField.class, spec -> spec.withId("oidc-client-secret"));
            var result = _get(Div.class, spec -> spec.withAttribute("data-result", "oidc"));
            _setValue(_get(TextField.class, spec -> spec.withId("oidc-name")), "Keycloak");
            _setValue(issuer, provider.issuerUrl("acme").toString());
            _setValue(_get(TextField.class, spec -> spec.withId("oidc-client-id")), "plate");
            _setValue(secret, "the-client-secret");
            _setValue(mappings, "plate-admins = ADMIN\nops = SUPERUSER");

            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(mappings.isInvalid()).isTrue();
            assertThat(mappings.getErrorMessage()).contains("'ops = SUPERUSER': the role must be one of");
            assertThat(jdbc.queryForObject("select count(*) from setting where name like 'oidc.%'", Long.class))
                    .isZero();

            _setValue(mappings, "plate-admins = ADMIN\nops = maintainer");
            _setValue((com.vaadin.flow.component.select.Select<String>) _get(com.vaadin.flow.component.select.Select.class,
                    spec -> spec.withId("oidc-default-role")), "No access");
            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(result.getElement().getTextRecursively()).contains("Connected", provider.issuerUrl("acme")
                    + "/authorize");
            assertThat(section.getElement().getTextRecursively()).contains("In use: the provider saved here.");
            assertThat(mappings.getValue()).isEqualTo("plate-admins = ADMIN\nops = MAINTAINER");
            assertThat(secret.getValue()).isEmpty();
            assertThat(secret.getPlaceholder()).contains("Saved (encrypted, not shown)");
            assertThat(jdbc.queryForObject("select setting_value from setting where name = 'oidc.client-secret'",
                    String.class)).startsWith("v1:").doesNotContain("the-client-secret");
            assertThat(jdbc.queryForObject("select setting_value from setting where name = 'oidc.default-role'",
                    String.class)).isEqualTo("NONE");

            securityContext.clearContext();
            UI.getCurrent().navigate("login");
            var button = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("sso-oidc"));
            assertThat(button.getText()).isEqualTo("Sign in with Keycloak");
            assertThat(button.getHref()).isEqualTo("oauth2/authorization/oidc");

            login("root", Role.ADMIN);
            UI.getCurrent().navigate("admin/integrations");
            _setValue(_get(TextField.class, spec -> spec.withId("oidc-issuer")), "");
            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(_get(Div.class, spec -> spec.withAttribute("data-result", "oidc")).getElement()
                    .getTextRecursively()).contains("Not configured");
            assertThat(jdbc.queryForObject("select count(*) from setting where name like 'oidc.%'", Long.class))
                    .isZero();
            securityContext.clearContext();
            UI.getCurrent().navigate("login");
            assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("sso-oidc")))
                    .isEmpty();
        } finally {
            provider.shutdown();
            jdbc.update("delete from setting where name like 'oidc.%'");
        }
    }

    /**
     * A second provider is added beside the first from the chooser: a bad id is refused at its field, both buttons
     * are on the login page, each keeps its own redirect URI, and removing one leaves the other. Turning passwords
     * off is a Plate-wide switch, saved as it is flipped.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_second_provider_is_added_beside_the_first_and_removed_alone() {
        var provider = new MockOAuth2Server();
        provider.start();
        try {
            login("root", Role.ADMIN);
            UI.getCurrent().navigate("admin/integrations");
            var chooser = (com.vaadin.flow.component.select.Select<String>) _get(
                    com.vaadin.flow.component.select.Select.class, spec -> spec.withId("oidc-provider"));
            var id = _get(TextField.class, spec -> spec.withId("oidc-id"));
            assertThat(id.getValue()).as("the first provider's id").isEqualTo("oidc");
            fill(provider.issuerUrl("acme").toString(), "Keycloak", "plate");
            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(chooser.getValue()).isEqualTo("oidc");
            assertThat(id.isReadOnly()).as("an id is part of the provider's redirect URI").isTrue();

            _setValue(chooser, "");
            assertThat(id.getValue()).isEmpty();
            assertThat(id.isReadOnly()).isFalse();
            fill(provider.issuerUrl("partners").toString(), "Partners", "partner-client");
            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(id.getErrorMessage()).as("an addition without an id never replaces the first provider")
                    .contains("'oidc' exists already");
            assertThat(jdbc.queryForObject("select setting_value from setting where name = 'oidc.name'", String.class))
                    .isEqualTo("Keycloak");
            _setValue(id, "Partner ID");
            fill(provider.issuerUrl("partners").toString(), "Partners", "partner-client");
            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(id.isInvalid()).isTrue();
            assertThat(id.getErrorMessage()).contains("is not a provider id");
            assertThat(jdbc.queryForObject("select count(*) from setting where name like 'oidc.provider.%'", Long.class))
                    .isZero();

            _setValue(id, "partners");
            assertThat(_get(SignInSection.class).getElement().getTextRecursively())
                    .contains("/login/oauth2/code/partners");
            _click(_get(Button.class, spec -> spec.withId("oidc-save")));
            assertThat(chooser.getValue()).isEqualTo("partners");
            assertThat(chooser.getListDataView().getItems().toList()).containsExactly("oidc", "partners", "");

            var passwords = _get(com.vaadin.flow.component.checkbox.Checkbox.class,
                    spec -> spec.withId("oidc-local-sign-in"));
            _setValue(passwords, false);
            assertThat(jdbc.queryForObject("select setting_value from setting where name = 'oidc.local-sign-in'",
                    String.class)).isEqualTo("false");

            securityContext.clearContext();
            UI.getCurrent().navigate("login");
            assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("sso-oidc")).getText())
                    .isEqualTo("Sign in with Keycloak");
            assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("sso-partners"))
                    .getHref()).isEqualTo("oauth2/authorization/partners");

            login("root", Role.ADMIN);
            UI.getCurrent().navigate("admin/integrations");
            chooser = (com.vaadin.flow.component.select.Select<String>) _get(
                    com.vaadin.flow.component.select.Select.class, spec -> spec.withId("oidc-provider"));
            _setValue(chooser, "partners");
            _click(_get(Button.class, spec -> spec.withId("oidc-remove")));
            assertThat(chooser.getListDataView().getItems().toList()).containsExactly("oidc", "");
            assertThat(jdbc.queryForObject("select count(*) from setting where name like 'oidc.provider.%'", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from setting where name = 'oidc.issuer'", Long.class))
                    .isOne();
        } finally {
            provider.shutdown();
            jdbc.update("delete from setting where name like 'oidc.%'");
        }
    }

    private void fill(String issuer, String name, String clientId) {
        _setValue(_get(TextField.class, spec -> spec.withId("oidc-name")), name);
        _setValue(_get(TextField.class, spec -> spec.withId("oidc-issuer")), issuer);
        _setValue(_get(TextField.class, spec -> spec.withId("oidc-client-id")), clientId);
    }

    /** Refusals stay next to their field and save nothing; only a confirmed move would move anything. */
    @Test
    @SuppressWarnings("unchecked")
    void the_config_repository_section_shows_the_place_in_use_and_refuses_bad_gitea_settings_at_the_field() {
        login("root", Role.ADMIN);
        UI.getCurrent().navigate("admin/integrations");
        var page = _get(IntegrationsView.class).getElement().getTextRecursively();
        assertThat(page).contains("Config repository").contains("(Plate's embedded Git server, the default).");
        RadioButtonGroup<RepositoryHosting.Mode> where = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Where the config repository lives"));
        assertThat(where.getValue()).isEqualTo(RepositoryHosting.Mode.EMBEDDED);
        assertThat(_find(TextField.class, spec -> spec.withLabel("Gitea URL"))).isEmpty();

        _setValue(where, RepositoryHosting.Mode.GITEA);
        var url = _get(TextField.class, spec -> spec.withLabel("Gitea URL"));
        _setValue(url, "https://admin:hunter2@gitea.example.com");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Organisation")), "acme");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Access token")), "a-token");
        _click(_get(Button.class, spec -> spec.withId("git-save")));
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Move")));

        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).isEqualTo("Leave credentials out of the address: the token goes below.");
        _setValue(url, "http://127.0.0.1:9");
        _click(_get(Button.class, spec -> spec.withId("git-test")));
        assertThat(url.isInvalid()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withAttribute("data-result", "git")).getElement().getTextRecursively())
                .contains("Unreachable").contains("Cannot reach Gitea at http://127.0.0.1:9");
        assertThat(jdbc.queryForObject("select count(*) from setting where name like 'git.%'", Long.class)).isZero();
        assertThat(repository.cloneUrl()).endsWith("/git/plate-config.git");
    }

    @Test
    void the_page_is_an_admins_only() {
        login("mia", Role.MAINTAINER);

        assertNotAllowed("admin/integrations", IntegrationsView.class, "administrators");
    }
}
