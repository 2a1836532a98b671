package dev.plate.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.PlateApplication;
import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import dev.plate.support.PostgresInitializer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Plate instances on one PostgreSQL, as behind a load balancer: a login made on one is honoured by the
 * other, and a logout on one reaches the other.
 */
@PlateTest
class SessionsAcrossInstancesTest {

    static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startSecondInstance() {
        // Command-line arguments, so they win over application.properties as they would in production.
        var args = new java.util.ArrayList<String>();
        for (String property : PostgresInitializer.postgresProperties()) {
            args.add("--" + property);
        }
        args.addAll(java.util.List.of("--server.port=0", "--plate.data-dir=" + PostgresInitializer.tempDataDir(),
                // re-check the shared row on every request, so the logout is seen at once
                "--plate.security.session-recheck-interval=0s", "--spring.jmx.enabled=false",
                // whichever instance starts first creates the administrator
                "--plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD));
        second = new SpringApplicationBuilder(PlateApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void a_login_on_one_instance_is_honoured_by_the_other_and_a_logout_reaches_it() {
        String first = "http://localhost:" + port;
        String other = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
        var browser = new HttpSession();
        browser.login(first, "admin", PlateTest.ADMIN_PASSWORD);
        String sharedCookie = browser.cookie("PLATE_SESSION").orElseThrow();

        // The load balancer sends the next request to the other instance, which has never seen this browser.
        var elsewhere = HttpSession.withOnlyCookie("PLATE_SESSION", sharedCookie, other);
        assertThat(elsewhere.get(other + "/").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get(other + "/admin/users").statusCode()).isEqualTo(200);

        String csrf = browser.csrfTokenFrom(first + "/");
        browser.postForm(first + "/logout", Map.of("_csrf", csrf));

        var afterLogout = elsewhere.get(other + "/");
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location")).hasValue(other + "/login");
        assertThat(browser.get(first + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void a_session_planted_before_the_login_was_restored_does_not_become_the_victims() {
        String first = "http://localhost:" + port;
        String other = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
        var browser = new HttpSession();
        browser.login(first, "admin", PlateTest.ADMIN_PASSWORD);
        // An anonymous session on the other instance, as an attacker could plant in the victim's browser.
        var elsewhere = HttpSession.withOnlyCookie("PLATE_SESSION", browser.cookie("PLATE_SESSION").orElseThrow(), other);
        var planted = new HttpSession();
        planted.get(other + "/login");
        String plantedId = planted.cookie("JSESSIONID").orElseThrow();
        elsewhere.addCookie("JSESSIONID", plantedId, other);

        assertThat(elsewhere.get(other + "/").statusCode()).isEqualTo(200);
        // The attacker, holding only the planted session id, is not signed in as the victim.
        assertThat(planted.get(other + "/").statusCode()).isEqualTo(302);
    }

    @Test
    void a_forged_session_cookie_is_not_a_login() {
        String other = "http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort();
        var forged = HttpSession.withOnlyCookie("PLATE_SESSION", "00000000-0000-0000-0000-000000000000", other);

        assertThat(forged.get(other + "/").statusCode()).isEqualTo(302);
    }
}
