package dev.plate.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The login as a browser performs it: the real form post, cookies, redirects and CSRF. */
@PlateTest
class LoginOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String base;

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    @Test
    void wrong_password_goes_back_to_the_login_page_with_an_error() {
        var browser = new HttpSession();
        long failures = audited("login.failed", "admin");

        var response = browser.login(base, "admin", "not-the-password");

        assertThat(audited("login.failed", "admin")).as("in the audit log, with the address").isEqualTo(failures + 1);
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'login.failed' and target = "
                + "'user:admin' order by id desc limit 1", String.class)).isEqualTo("wrong username or password (from " + browser.address() + ")");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base + "/login?error");
        assertThat(browser.cookie("PLATE_SESSION")).isEmpty();
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void right_password_leads_to_the_dashboard() {
        var browser = new HttpSession();
        long signIns = audited("login.succeeded", "admin");

        var response = browser.login(base, "admin", PlateTest.ADMIN_PASSWORD);

        assertThat(audited("login.succeeded", "admin")).isEqualTo(signIns + 1);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base + "/");
        assertThat(browser.cookie("PLATE_SESSION")).isPresent();
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(200);
        assertThat(browser.get(base + "/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused() {
        var browser = new HttpSession();
        browser.get(base + "/login");

        var response = browser.postForm(base + "/login",
                Map.of("username", "admin", "password", PlateTest.ADMIN_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("PLATE_SESSION")).isEmpty();
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void a_login_post_with_a_forged_csrf_token_is_refused() {
        var browser = new HttpSession();
        browser.get(base + "/login");

        browser.postForm(base + "/login",
                Map.of("username", "admin", "password", PlateTest.ADMIN_PASSWORD, "_csrf", "forged"));

        assertThat(browser.cookie("PLATE_SESSION")).isEmpty();
        assertThat(browser.get(base + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void anonymous_requests_for_pages_are_sent_to_the_login_page() {
        var response = new HttpSession().get(base + "/admin/users");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base + "/login");
    }

    private long audited(String action, String username) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and target = ?", Long.class,
                action, "user:" + username);
    }

    /** The tab's icon, for the login page too: no 404 in the browser's console. */
    @Test
    void the_pages_name_an_icon_that_anyone_may_load() {
        var browser = new HttpSession();

        String login = browser.get(base + "/login").body();
        var icon = browser.get(base + "/icons/plate.svg");

        assertThat(login).contains("rel=\"icon\"").contains("icons/plate.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    }
}
