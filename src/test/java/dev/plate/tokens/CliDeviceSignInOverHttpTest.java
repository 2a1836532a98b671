package dev.plate.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code plate login --device} as the CLI and a browser on another device perform it: the CLI starts and polls over
 * the API, the person types the code into the page behind their sign-in and decides. The token goes to whoever
 * approved, once; a refusal, an expiry and a mistyped code each end clearly.
 */
@PlateTest
class CliDeviceSignInOverHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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
    void a_code_approved_in_a_signed_in_browser_gives_the_cli_a_login_token_once() {
        JsonNode started = start();
        String deviceCode = started.path("deviceCode").asString();
        String userCode = started.path("userCode").asString();
        assertThat(userCode).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(started.path("verificationPath").asString()).isEqualTo("/cli-login/device");
        assertThat(started.path("interval").asLong()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from cli_device_code where device_hash = ? or device_hash = ?",
                Integer.class, deviceCode, userCode)).as("the device code itself is never stored").isZero();

        var pending = poll(deviceCode);
        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(pending.body()).contains("\"status\":\"pending\"");

        var browser = signedIn();
        var entry = browser.get(base + "/cli-login/device");
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.body()).contains("Type the code that <code>plate login --device</code> shows");
        // Typed as people type: lower case, a space for the dash.
        var asked = browser.get(base + "/cli-login/device?code=" + encode(userCode.toLowerCase().replace('-', ' ')));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Sign in the Plate command line?").contains("<strong>admin</strong>")
                .contains(userCode).contains("plate-cli/test-device").as("where the request came from is shown");

        var approved = browser.postForm(base + "/cli-login/device", Map.of("code", userCode, "decision", "approve",
                "_csrf", csrf(asked.body())));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("The command line is signed in");

        var issued = poll(deviceCode);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = JSON.readTree(issued.body()).path("token").asString();
        assertThat(whoami(token)).contains("\"username\":\"admin\"");
        var again = poll(deviceCode);
        assertThat(again.statusCode()).as("used once").isEqualTo(400);
        assertThat(again.body()).contains("unknown or was used already");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'login.device-approved' order "
                + "by id desc limit 1", String.class)).contains(userCode).contains("plate-cli/test-device");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'login.token-issued' order by "
                + "id desc limit 1", String.class)).startsWith("by a device sign-in (plate login --device)");
    }

    @Test
    void a_refused_sign_in_ends_the_cli_wait_and_gives_nothing() {
        JsonNode started = start();
        var browser = signedIn();
        var asked = browser.get(base + "/cli-login/device?code=" + started.path("userCode").asString());

        var refused = browser.postForm(base + "/cli-login/device", Map.of("code", started.path("userCode").asString(),
                "decision", "cancel", "_csrf", csrf(asked.body())));

        assertThat(refused.body()).contains("Sign-in refused");
        var poll = poll(started.path("deviceCode").asString());
        assertThat(poll.statusCode()).isEqualTo(400);
        assertThat(poll.body()).contains("The sign-in was refused in the browser.");
        assertThat(poll(started.path("deviceCode").asString()).body()).contains("unknown or was used already");
        assertThat(browser.postForm(base + "/cli-login/device", Map.of("code", started.path("userCode").asString(),
                "decision", "approve", "_csrf", csrf(asked.body()))).body())
                .as("a decided code cannot be decided again").contains("No sign-in waits for the code");
    }

    @Test
    void mistyped_and_expired_codes_are_refused_clearly() {
        var browser = signedIn();
        var mistyped = browser.get(base + "/cli-login/device?code=ABCD-EFGH");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body()).contains("No sign-in waits for this code").contains("value=\"ABCD-EFGH\"");
        var hostile = browser.get(base + "/cli-login/device?code=" + encode("<script>alert(1)</script>"));
        assertThat(hostile.body()).doesNotContain("<script>").contains("&lt;script&gt;");

        JsonNode started = start();
        jdbc.update("update cli_device_code set expires_at = current_timestamp - interval '1' second where user_code = ?",
                started.path("userCode").asString().replace("-", ""));
        assertThat(browser.get(base + "/cli-login/device?code=" + started.path("userCode").asString()).statusCode())
                .isEqualTo(400);
        var poll = poll(started.path("deviceCode").asString());
        assertThat(poll.statusCode()).isEqualTo(400);
        assertThat(poll.body()).contains("Nobody approved this sign-in within 10 minutes");
        assertThat(poll("not-a-device-code").statusCode()).isEqualTo(400);
    }

    @Test
    void a_client_polling_too_fast_is_told_to_slow_down() {
        String deviceCode = start().path("deviceCode").asString();
        assertThat(poll(deviceCode).body()).contains("\"status\":\"pending\"").contains("\"interval\":5");

        var tooSoon = poll(deviceCode);

        assertThat(tooSoon.statusCode()).isEqualTo(202);
        assertThat(tooSoon.body()).contains("\"status\":\"slow_down\"").contains("\"interval\":10");
    }

    @Test
    void the_page_is_behind_the_sign_in_and_a_cross_site_form_cannot_approve() {
        var anonymous = new HttpSession().get(base + "/cli-login/device?code=ABCD-EFGH");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue(base + "/login");

        JsonNode started = start();
        var withoutCsrf = signedIn().postForm(base + "/cli-login/device", Map.of("code",
                started.path("userCode").asString(), "decision", "approve"));
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(poll(started.path("deviceCode").asString()).statusCode()).as("still waiting").isEqualTo(202);
    }

    /** One address cannot fill the table for everyone: it gets a few waiting sign-ins, the others are unaffected. */
    @Test
    void one_address_cannot_start_more_than_a_few_waiting_sign_ins() {
        String flood = dev.plate.support.TestAddresses.next();
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(startFrom(flood).statusCode()).isEqualTo(200);
            }
            var refused = startFrom(flood);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("Too many device sign-ins are waiting");
            assertThat(startFrom(dev.plate.support.TestAddresses.next()).statusCode()).as("another address")
                    .isEqualTo(200);
        } finally {
            jdbc.update("delete from cli_device_code where requested_from like ?", flood + ", %");
        }
    }

    private HttpResponse<String> startFrom(String address) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login/device")).header("X-Forwarded-For", address)
                .header("User-Agent", "plate-cli/test-device").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private JsonNode start() {
        var answer = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login/device"))
                .header("User-Agent", "plate-cli/test-device").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> poll(String deviceCode) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login/device/token")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"deviceCode\":\"" + deviceCode
                        + "\"}")).build());
    }

    private HttpSession signedIn() {
        var browser = new HttpSession();
        assertThat(browser.login(base, "admin", PlateTest.ADMIN_PASSWORD).headers().firstValue("Location"))
                .hasValue(base + "/");
        return browser;
    }

    private static String csrf(String page) {
        var matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    private String whoami(String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/whoami")).header("Authorization", "Bearer "
                + token).build()).body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
