package dev.plate.sso;

import dev.plate.security.UserService;
import dev.plate.security.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import dev.plate.deployment.ImportRequest;
import dev.plate.security.NewUser;
import dev.plate.project.NewProject;
import dev.plate.tokens.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Single sign-on against a real OpenID Connect provider running in the test (mock-oauth2-server: discovery, signed
 * ID tokens, nonce, PKCE, user-info), driven as a browser drives it: Plate's redirect to the provider, the provider's
 * redirect back with a code, Plate's token exchange and session.
 */
@PlateTest
class SingleSignOnTest {

    static final String GROUP_ROLES = "plate-admins = ADMIN\nplate-maintainers = MAINTAINER\nplate-developers = DEVELOPER";
    static MockOAuth2Server provider;

    @LocalServerPort
    int port;
    @Autowired
    SingleSignOn singleSignOn;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.plate.teams.TeamService teams;
    @Autowired
    dev.plate.deployment.DeploymentService deployments;
    @Autowired
    dev.plate.environment.EnvironmentService environments;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    String base;

    @BeforeAll
    static void startProvider() {
        provider = new MockOAuth2Server();
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @BeforeEach
    void configure() {
        base = "http://localhost:" + port;
        asAdmin(() -> singleSignOn.save(settings(issuer(), Optional.empty())));
    }

    @AfterEach
    void removeProvider() {
        asAdmin(() -> singleSignOn.save(settings("", Optional.empty())));
        jdbc.update("delete from setting where name like 'oidc.%'");
    }

    @Test
    void first_sign_in_creates_the_account_with_the_role_its_groups_give() {
        var browser = new HttpSession();

        var back = signIn(browser, "subject-ada", Map.of("preferred_username", "Sso.Ada", "name", "Ada Lovelace",
                "groups", List.of("plate-maintainers", "unrelated")));

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(browser.cookie("PLATE_SESSION")).isPresent();
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(200);
        var row = jdbc.queryForMap("select display_name, role, enabled, identity_issuer, identity_subject, "
                + "identity_groups from plate_user where username = 'sso.ada'");
        assertThat(row).containsEntry("display_name", "Ada Lovelace").containsEntry("role", "MAINTAINER")
                .containsEntry("enabled", true).containsEntry("identity_issuer", issuer())
                .containsEntry("identity_subject", "subject-ada")
                .containsEntry("identity_groups", "plate-maintainers\nunrelated");
        assertThat(lastAudit("login.succeeded", "sso.ada")).contains("single sign-on (" + issuer()
                + ", subject subject-ada)").contains("from " + browser.address());
        assertThat(lastAudit("user.created", "sso.ada")).contains("role MAINTAINER");
        // The session is Plate's own: the shared session row names the Plate user.
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'sso.ada'",
                Integer.class)).isEqualTo(1);
        // An account of the provider has no password here.
        assertThat(new HttpSession().login(base, "sso.ada", "anything-at-all-1").headers().firstValue("Location"))
                .hasValue(base + "/login?error");
    }

    @Test
    void a_group_removed_at_the_provider_removes_access_at_the_next_sign_in_and_ends_the_tokens() {
        signIn(new HttpSession(), "subject-bob", Map.of("preferred_username", "sso-bob",
                "groups", List.of("plate-developers")));
        String token = asUser("sso-bob", Role.DEVELOPER, () -> tokens.create("ci", 30).token());
        assertThat(whoami(token)).isEqualTo(200);

        var refused = signIn(new HttpSession(), "subject-bob", Map.of("preferred_username", "sso-bob",
                "groups", List.of("unrelated")));

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(jdbc.queryForMap("select enabled, suspended_by_groups from plate_user where username = 'sso-bob'"))
                .containsEntry("enabled", false).containsEntry("suspended_by_groups", true);
        assertThat(whoami(token)).as("the token stops working at once").isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'sso-bob'",
                Integer.class)).as("every session ended").isZero();
        assertThat(lastAudit("user.suspended", "sso-bob")).contains("unrelated");
        assertThat(lastAudit("login.failed", "sso-bob")).contains("None of your groups gives access");

        var again = signIn(new HttpSession(), "subject-bob", Map.of("preferred_username", "sso-bob",
                "groups", List.of("plate-maintainers")));

        assertThat(again.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(jdbc.queryForMap("select enabled, role from plate_user where username = 'sso-bob'"))
                .containsEntry("enabled", true).containsEntry("role", "MAINTAINER");
        assertThat(whoami(token)).as("a token ended by the suspension stays ended").isEqualTo(401);
        assertThat(lastAudit("token.revoked", "sso-bob")).contains("'ci'", "groups at the provider");
    }

    @Test
    void an_account_disabled_by_an_administrator_stays_out_whatever_its_groups() {
        signIn(new HttpSession(), "subject-cy", Map.of("preferred_username", "sso-cy", "groups",
                List.of("plate-developers")));
        long id = jdbc.queryForObject("select id from plate_user where username = 'sso-cy'", Long.class);
        asAdmin(() -> users.setEnabled(id, false));

        var refused = signIn(new HttpSession(), "subject-cy", Map.of("preferred_username", "sso-cy", "groups",
                List.of("plate-admins")));

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(lastAudit("login.failed", "sso-cy")).contains("is disabled");
        assertThat(jdbc.queryForObject("select role from plate_user where username = 'sso-cy'", String.class))
                .isEqualTo("DEVELOPER");
    }

    @Test
    void an_existing_account_of_the_same_name_is_never_taken_over() {
        var refused = signIn(new HttpSession(), "someone-else", Map.of("preferred_username", "admin", "groups",
                List.of("plate-admins")));

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(jdbc.queryForObject("select identity_subject from plate_user where username = 'admin'",
                String.class)).isNull();
        assertThat(lastAudit("login.failed", "admin")).contains("already exists");
    }

    @Test
    void a_person_without_a_mapped_group_gets_no_account() {
        var refused = signIn(new HttpSession(), "subject-dee", Map.of("preferred_username", "sso-dee", "groups",
                "just-one-group"));

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(jdbc.queryForObject("select count(*) from plate_user where username = 'sso-dee'", Integer.class))
                .isZero();
        assertThat(lastAudit("login.failed", "sso-dee")).contains("just-one-group");
    }

    @Test
    void a_provider_answer_without_a_name_is_refused() {
        var refused = signIn(new HttpSession(), "subject-nameless", Map.of("groups", List.of("plate-admins")));

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(lastAudit("login.failed", "(none)")).contains("preferred_username or email");
    }

    @Test
    void an_expired_id_token_is_refused() {
        var browser = new HttpSession();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plate", "subject-late", "JWT", null,
                Map.of("preferred_username", "sso-late", "groups", List.of("plate-admins")), -600));

        var back = completeSignIn(browser);

        assertThat(back.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(browser.cookie("PLATE_SESSION")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from plate_user where username = 'sso-late'", Integer.class))
                .isZero();
    }

    @Test
    void a_replayed_answer_from_the_provider_is_refused() {
        var browser = new HttpSession();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plate", "subject-eve", "JWT", null,
                Map.of("preferred_username", "sso-eve", "groups", List.of("plate-developers")), 3600));
        var toProvider = browser.get(base + "/" + SingleSignOn.LOGIN_PATH + "oidc");
        String callback = location(browser.get(location(toProvider)));
        assertThat(browser.get(callback).headers().firstValue("Location")).hasValue(base + "/");

        var sameBrowser = browser.get(callback);
        var otherBrowser = new HttpSession();
        var replayed = otherBrowser.get(callback);

        assertThat(sameBrowser.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(replayed.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(otherBrowser.cookie("PLATE_SESSION")).isEmpty();
        assertThat(lastAudit("login.failed", "(none)")).contains("authorization_request_not_found");
    }

    /**
     * Groups map to team roles as well: a Plate-wide viewer whose provider group maintains a team promotes its project
     * with a token; after a sign-in without that group, the same token is refused at its next use.
     */
    @Test
    void a_provider_group_gives_a_role_in_a_team_until_the_provider_drops_it() {
        String project = "sso-team-" + Long.toString(System.nanoTime(), 36);
        var order = environments.list();
        asAdmin(() -> {
            singleSignOn.save(settings(issuer(), Optional.of(Role.VIEWER)));
            if (teams.find("platform").isEmpty()) {
                teams.create("platform", "Platform");
                teams.setGroup("platform", "platform-maintainers", Role.MAINTAINER);
            }
            deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                    "/", List.of()).inTeam("platform"), "1.0.0"));
            deployments.deploy(dev.plate.deployment.DeployRequest.image(project, order.get(0).name(), "1.1.0"));
        });
        signIn(new HttpSession(), "subject-hal", Map.of("preferred_username", "sso-hal", "groups",
                List.of("staff", "platform-maintainers")));
        assertThat(jdbc.queryForObject("select role from plate_user where username = 'sso-hal'", String.class))
                .as("Plate-wide, the default role").isEqualTo("VIEWER");
        String token = asUser("sso-hal", Role.VIEWER, () -> tokens.create("ci", 30).token());
        String promote = "{\"project\":\"" + project + "\",\"from\":\"" + order.get(0).name() + "\",\"to\":\""
                + order.get(1).name() + "\"}";
        assertThat(post("/api/v1/promote", token, promote)).isEqualTo(201);

        signIn(new HttpSession(), "subject-hal", Map.of("preferred_username", "sso-hal", "groups", List.of("staff")));

        assertThat(post("/api/v1/promote", token, promote)).as("the token follows the groups of the last sign-in")
                .isEqualTo(403);
        assertThat(whoami(token)).as("still a viewer").isEqualTo(200);
    }

    /** Another instance behind the load balancer, or this one restarted, never saw the browser's container session. */
    @Test
    void the_answer_from_the_provider_may_reach_an_instance_that_never_saw_the_browser() {
        var browser = new HttpSession();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plate", "subject-gus", "JWT", null,
                Map.of("preferred_username", "sso-gus", "groups", List.of("plate-developers")), 3600));
        var toProvider = browser.get(base + "/" + SingleSignOn.LOGIN_PATH + "oidc");
        String callback = location(browser.get(location(toProvider)));
        String sealed = browser.cookie("PLATE_SSO").orElseThrow();
        assertThat(sealed).doesNotContain("code_verifier").doesNotContain("nonce");

        var elsewhere = HttpSession.withOnlyCookie("PLATE_SSO", sealed, base);
        var back = elsewhere.get(callback);

        assertThat(back.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(elsewhere.cookie("PLATE_SESSION")).isPresent();
        assertThat(back.headers().allValues("Set-Cookie")).as("used once, then removed")
                .anyMatch(cookie -> cookie.startsWith("PLATE_SSO=;") && cookie.contains("Max-Age=0"));
        var forged = HttpSession.withOnlyCookie("PLATE_SSO", sealed.substring(0, sealed.length() - 4) + "AAAA", base);
        assertThat(forged.get(callback).headers().firstValue("Location")).hasValue(base + "/login?error");
    }

    @Test
    void signing_out_ends_the_plate_session_and_asks_the_provider_to_end_its_own() {
        var browser = new HttpSession();
        signIn(browser, "subject-fay", Map.of("preferred_username", "sso-fay", "groups", List.of("plate-developers")));
        String csrf = browser.csrfTokenFrom(base + "/");

        var out = browser.postForm(base + "/logout", Map.of("_csrf", csrf));

        assertThat(location(out)).startsWith(issuer() + "/endsession?").contains("id_token_hint=")
                .endsWith("post_logout_redirect_uri=" + base + "/login");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'sso-fay'",
                Integer.class)).isZero();
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(302);
    }

    /** The account a session acts as is the one linked to the subject, whatever claims the provider adds. */
    @Test
    void a_claim_cannot_choose_the_account_the_session_acts_as() {
        var browser = new HttpSession();

        var back = signIn(browser, "subject-ivy", Map.of("preferred_username", "sso-ivy", "plate_username", "admin",
                "groups", List.of("plate-developers")));

        assertThat(back.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'sso-ivy'",
                Integer.class)).as("the session acts as the linked account, not as the claim's 'admin'").isEqualTo(1);
        assertThat(lastAudit("login.succeeded", "sso-ivy")).contains("subject subject-ivy");
    }

    /** Plate always keeps an administrator: groups cannot demote the last enabled one. */
    @Test
    void groups_do_not_demote_the_last_enabled_administrator() {
        signIn(new HttpSession(), "subject-zed", Map.of("preferred_username", "sso-zed", "groups",
                List.of("plate-admins")));
        long admin = jdbc.queryForObject("select id from plate_user where username = 'admin'", Long.class);
        asUser("sso-zed", Role.ADMIN, () -> users.setEnabled(admin, false));
        try {
            var refused = signIn(new HttpSession(), "subject-zed", Map.of("preferred_username", "sso-zed", "groups",
                    List.of("plate-developers")));

            assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
            assertThat(jdbc.queryForObject("select role from plate_user where username = 'sso-zed'", String.class))
                    .isEqualTo("ADMIN");
            assertThat(lastAudit("login.failed", "sso-zed")).contains("last enabled one");
        } finally {
            asUser("sso-zed", Role.ADMIN, () -> users.setEnabled(admin, true));
        }
        signIn(new HttpSession(), "subject-zed", Map.of("preferred_username", "sso-zed", "groups",
                List.of("plate-developers")));
        assertThat(jdbc.queryForObject("select role from plate_user where username = 'sso-zed'", String.class))
                .as("with another administrator, the groups decide").isEqualTo("DEVELOPER");
    }

    /** An administrator's disable of an account its groups suspended is the administrator's, and stays. */
    @Test
    void disabling_a_suspended_account_sticks_and_every_group_is_kept() {
        var many = new java.util.ArrayList<String>();
        for (int i = 0; i < 300; i++) {
            many.add("cn=group-" + i + ",ou=engineering,ou=groups,dc=example,dc=com");
        }
        many.add("plate-developers");
        signIn(new HttpSession(), "subject-kit", Map.of("preferred_username", "sso-kit", "groups", many));
        assertThat(jdbc.queryForObject("select identity_groups from plate_user where username = 'sso-kit'",
                String.class)).as("all " + many.size() + " kept").endsWith("\nplate-developers");
        signIn(new HttpSession(), "subject-kit", Map.of("preferred_username", "sso-kit", "groups", List.of("none")));
        long kit = jdbc.queryForObject("select id from plate_user where username = 'sso-kit'", Long.class);

        asAdmin(() -> users.setEnabled(kit, false));
        var refused = signIn(new HttpSession(), "subject-kit", Map.of("preferred_username", "sso-kit", "groups",
                List.of("plate-developers")));

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(jdbc.queryForMap("select enabled, suspended_by_groups from plate_user where username = 'sso-kit'"))
                .containsEntry("enabled", false).containsEntry("suspended_by_groups", false);
        assertThat(lastAudit("login.failed", "sso-kit")).contains("is disabled");
    }

    /** With passwords turned off, only the provider signs people in; an administrator's password is the break glass. */
    @Test
    void passwords_turned_off_leave_only_administrators_a_password() throws Exception {
        String developer = "local-dev-" + Long.toString(System.nanoTime(), 36);
        asAdmin(() -> {
            users.createUser(new NewUser(developer, "", Role.DEVELOPER, "a-long-enough-password-1"));
            singleSignOn.passwordsForEveryone(false);
        });

        var refused = new HttpSession().login(base, developer, "a-long-enough-password-1");
        var admin = new HttpSession().login(base, "admin", PlateTest.ADMIN_PASSWORD);
        var api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\""
                        + developer + "\",\"password\":\"a-long-enough-password-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(lastAudit("login.failed", developer)).contains("password sign-in is turned off for DEVELOPER");
        assertThat(admin.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("passwords are kept for administrators");
        asAdmin(() -> assertThat(singleSignOn.passwordsForEveryone()).isFalse());
        assertThat(lastAudit("integration.oidc.passwords")).isEqualTo("Plate passwords for administrators only");
    }

    @Test
    void a_provider_that_is_down_sends_the_person_back_to_the_login_page_and_local_sign_in_still_works() {
        asAdmin(() -> singleSignOn.save(settings("http://127.0.0.1:9/realms/gone", Optional.empty())));
        var browser = new HttpSession();

        var response = browser.get(base + "/" + SingleSignOn.LOGIN_PATH + "oidc");

        assertThat(response.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(lastAudit("login.failed", "(none)")).contains("cannot be reached");
        assertThat(browser.login(base, "admin", PlateTest.ADMIN_PASSWORD).headers().firstValue("Location"))
                .hasValue(base + "/");
    }

    @Test
    void the_settings_are_checked_before_they_are_saved() {
        asAdmin(() -> {
            assertThat(singleSignOn.test(settings(issuer(), Optional.empty())).state()).isEqualTo(State.UP);
            var wrongIssuer = singleSignOn.test(settings(issuer() + "/", Optional.empty()));
            assertThat(wrongIssuer.state()).isEqualTo(State.DOWN);
            assertThat(wrongIssuer.detail()).contains("names its issuer '" + issuer() + "'");
            assertThatThrownBy(() -> singleSignOn.save(settings("keycloak.example.com", Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("is not an issuer URL");
            assertThatThrownBy(() -> singleSignOn.save(new OidcProvider("Keycloak", issuer(), "plate", Optional.empty(),
                    "openid", "groups", "plate-admins = OWNER", Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("must be one of ADMIN");
            assertThatThrownBy(() -> singleSignOn.save(new OidcProvider("Keycloak", issuer(), "", Optional.empty(),
                    "openid", "groups", "", Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("client id");
            assertThatThrownBy(() -> singleSignOn.save(new OidcProvider("Key Cloak", "Keycloak", issuer(), "plate",
                    Optional.empty(), "openid", "groups", "", Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("is not a provider id");
            assertThat(singleSignOn.providers()).singleElement().satisfies(current -> {
                assertThat(current.provider().issuerUrl()).as("nothing refused was saved").isEqualTo(issuer());
                assertThat(current.secretSaved()).isTrue();
            });
        });
    }

    /**
     * Two providers at once, each with its own button, registration and redirect URI. A person is linked to the
     * provider that vouched for them: the same name arriving from the other one is another identity and is refused,
     * never merged. Removing one provider leaves the other working.
     */
    @Test
    void two_providers_each_sign_people_in_and_one_is_removed_without_the_other() {
        String second = provider.issuerUrl("partners").toString();
        asAdmin(() -> singleSignOn.save(new OidcProvider("partners", "Partner ID", second, "partner-client",
                Optional.of("partner-secret"), "openid profile", "roles", "partner-devs = DEVELOPER",
                Optional.empty())));
        asAdmin(() -> assertThat(singleSignOn.providers()).extracting(current -> current.provider().id())
                .containsExactly("oidc", "partners"));
        assertThat(jdbc.queryForObject("select count(*) from setting where name like 'oidc.provider.partners.%'",
                Integer.class)).isEqualTo(8);

        var browser = new HttpSession();
        var toPartners = browser.get(base + "/" + SingleSignOn.LOGIN_PATH + "partners");
        assertThat(location(toPartners)).startsWith(second + "/authorize").contains("client_id=partner-client")
                .contains("redirect_uri=" + base + "/login/oauth2/code/partners&");
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("partners", "partner-subject", "JWT", null,
                Map.of("preferred_username", "sso.pat", "roles", List.of("partner-devs")), 3600));
        var back = browser.get(location(browser.get(location(toPartners))));
        assertThat(back.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(jdbc.queryForMap("select role, identity_issuer from plate_user where username = 'sso.pat'"))
                .containsEntry("role", "DEVELOPER").containsEntry("identity_issuer", second);

        var sameNameElsewhere = signIn(new HttpSession(), "another-subject", Map.of("preferred_username", "sso.pat",
                "groups", List.of("plate-developers")));
        assertThat(sameNameElsewhere.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(jdbc.queryForObject("select identity_issuer from plate_user where username = 'sso.pat'",
                String.class)).as("never taken over by the other provider").isEqualTo(second);

        asAdmin(() -> singleSignOn.save(new OidcProvider("partners", "", "", "", Optional.empty(), "", "", "",
                Optional.empty())));
        assertThat(jdbc.queryForObject("select count(*) from setting where name like 'oidc.provider.partners.%'",
                Integer.class)).isZero();
        assertThat(new HttpSession().get(base + "/" + SingleSignOn.LOGIN_PATH + "partners").headers()
                .firstValue("Location")).as("no registration any more").hasValue(base + "/login?error");
        assertThat(signIn(new HttpSession(), "subject-after", Map.of("preferred_username", "sso.after",
                "groups", List.of("plate-developers")))
                .headers().firstValue("Location")).as("the first provider still works").hasValue(base + "/");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'integration.oidc.saved' and "
                + "target = 'integration:oidc:partners' order by id desc limit 1", String.class)).isEqualTo("removed");

        // An addition never replaces a provider; one issuer is one provider; a secret stays with its issuer.
        asAdmin(() -> {
            assertThatThrownBy(() -> singleSignOn.add(new OidcProvider("", "Another", second, "c", Optional.empty(),
                    "openid", "groups", "", Optional.empty()))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("A provider with the id 'oidc' exists already");
            assertThatThrownBy(() -> singleSignOn.save(new OidcProvider("again", "Again", issuer(), "c",
                    Optional.empty(), "openid", "groups", "", Optional.empty()))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Provider 'oidc' signs in with this issuer already");
            singleSignOn.save(new OidcProvider("oidc", "Moved", second, "plate-client", Optional.empty(), "openid",
                    "groups", "", Optional.empty()));
        });
        assertThat(jdbc.queryForObject("select count(*) from setting where name = 'oidc.client-secret'", Integer.class))
                .as("another issuer never inherits the saved secret").isZero();
    }

    private HttpResponse<String> signIn(HttpSession browser, String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("plate", subject, "JWT", null, claims, 3600));
        return completeSignIn(browser);
    }

    /** Plate → provider → Plate, as a browser follows the redirects; returns Plate's answer to the callback. */
    private HttpResponse<String> completeSignIn(HttpSession browser) {
        var toProvider = browser.get(base + "/" + SingleSignOn.LOGIN_PATH + "oidc");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = location(toProvider);
        assertThat(authorize).startsWith(issuer() + "/authorize").contains("code_challenge=")
                .contains("code_challenge_method=S256").contains("nonce=").contains("state=");
        var atProvider = browser.get(authorize);
        assertThat(atProvider.statusCode()).isEqualTo(302);
        return browser.get(location(atProvider));
    }

    private int post(String path, String token, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int whoami(String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/whoami"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String lastAudit(String action) {
        return jdbc.queryForObject("select details from audit_event where action = ? order by id desc limit 1",
                String.class, action);
    }

    private String lastAudit(String action, String user) {
        return jdbc.queryForObject("select details from audit_event where action = ? and target = ? order by id desc "
                + "limit 1", String.class, action, "user:" + user);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: HTTP "
                + response.statusCode() + " " + response.body()));
    }

    static String issuer() {
        return provider.issuerUrl("plate").toString();
    }

    static OidcProvider settings(String issuer, Optional<Role> defaultRole) {
        return new OidcProvider("Test provider", issuer, "plate-client", Optional.of("client-secret-1"),
                "openid profile email", "groups", GROUP_ROLES, defaultRole);
    }

    private void asAdmin(Runnable action) {
        asUser("admin", Role.ADMIN, () -> {
            action.run();
            return null;
        });
    }

    private <T> T asUser(String username, Role role, java.util.function.Supplier<T> action) {
        SignIn.as(securityContext, username, role);
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }
}
