package dev.plate.api;

import static dev.plate.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Disabling an account ends every credential issued before, for good: enabling it again lets the person sign in
 * anew, but brings back none of the login tokens, access tokens or browser sessions a disable (often for a suspected
 * compromise) ended.
 */
@PlateTest
class ApiDisableEndsAccessTest {

    static final String LOG_IN_AGAIN = "run `plate login` again";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;
    Api.Account dev;

    @BeforeEach
    void anAccountOfItsOwn() {
        api = new Api(port);
        admin = api.login("admin", PlateTest.ADMIN_PASSWORD);
        dev = Api.newAccount(users, securityContext, "dis", Role.DEVELOPER);
    }

    @Test
    void a_login_token_issued_before_a_disable_stays_refused_after_the_account_is_enabled_again() {
        String before = api.login(dev.username(), dev.password());
        assertThat(api.get("/api/v1/whoami", before).statusCode()).isEqualTo(200);

        setEnabled(false);
        assertRefused(api.get("/api/v1/whoami", before), LOG_IN_AGAIN);
        setEnabled(true);

        assertRefused(api.get("/api/v1/whoami", before), LOG_IN_AGAIN);
        String after = api.login(dev.username(), dev.password());
        var me = api.get("/api/v1/whoami", after);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).path("username").asString()).isEqualTo(dev.username());
    }

    @Test
    void an_access_token_is_revoked_with_the_reason_when_its_owner_is_disabled() {
        String login = api.login(dev.username(), dev.password());
        var created = api.post("/api/v1/tokens", login, "{\"name\":\"ci\",\"days\":30}");
        String token = json(created).path("token").asString();
        long id = json(created).path("summary").path("id").asLong();
        assertThat(api.get("/api/v1/whoami", token).statusCode()).isEqualTo(200);

        setEnabled(false);
        setEnabled(true);

        assertThat(api.get("/api/v1/whoami", token).statusCode()).as("revoked, not only suspended").isEqualTo(401);
        String again = api.login(dev.username(), dev.password());
        var listed = json(api.get("/api/v1/tokens", again));
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(listed.get(0).path("revokedAt").isString()).as("listed as revoked").isTrue();
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'token.revoked' and target = ?",
                String.class, "user:" + dev.username())).contains("'ci'", "its owner was disabled");

        String fresh = json(api.post("/api/v1/tokens", again, "{\"name\":\"ci-2\",\"days\":30}")).path("token")
                .asString();
        assertThat(api.get("/api/v1/whoami", fresh).statusCode()).as("a token made afterwards works").isEqualTo(200);
    }

    @Test
    void a_browser_session_ended_by_a_disable_is_not_restored_by_enabling_again() {
        String base = "http://localhost:" + port;
        var browser = new HttpSession();
        browser.login(base, dev.username(), dev.password());
        String cookie = browser.cookie("PLATE_SESSION").orElseThrow();
        assertThat(HttpSession.withOnlyCookie("PLATE_SESSION", cookie, base).get(base + "/").statusCode())
                .isEqualTo(200);

        setEnabled(false);
        setEnabled(true);

        // Presented alone, as on another instance or after a restart: only the shared session row could sign it in.
        var elsewhere = HttpSession.withOnlyCookie("PLATE_SESSION", cookie, base).get(base + "/");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue(base + "/login");
        assertThat(new HttpSession().login(base, dev.username(), dev.password()).headers().firstValue("Location"))
                .as("signing in again works").hasValue(base + "/");
    }

    private void setEnabled(boolean enabled) {
        var response = api.send("PUT", "/api/v1/users/" + dev.username() + "/enabled", admin, "application/json",
                "{\"enabled\":" + enabled + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(json(response).path("detail").asString()).contains(detail);
    }
}
