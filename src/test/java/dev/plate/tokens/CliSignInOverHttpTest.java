package dev.plate.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser's half of {@code plate login --sso} as a browser performs it (cookies, CSRF, redirects), and the CLI's
 * exchange of the code: a code works once, only with its verifier, and only goes to a loopback address.
 */
@PlateTest
class CliSignInOverHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String base;
    final String verifier = random() + random();
    final String state = random();

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    @Test
    void an_approved_browser_sign_in_gives_the_cli_a_login_token_once() {
        var browser = signedIn();
        var page = browser.get(approval(51234));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in the Plate command line?").contains("<strong>admin</strong>");

        var approved = browser.postForm(base + "/cli-login", form(page.body(), 51234, "approve"));

        assertThat(approved.statusCode()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:51234/callback?state=" + state + "&code=");
        String code = location.substring(location.indexOf("&code=") + 6);
        assertThat(jdbc.queryForObject("select count(*) from cli_login_code where code_hash = ?", Integer.class,
                sha256(code))).as("only the hash is kept").isEqualTo(1);

        var wrongVerifier = exchange(code, random() + random());
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(exchange(code, verifier).statusCode()).as("a code is good for one try, right or wrong")
                .isEqualTo(400);

        String fresh = codeFrom(browser.postForm(base + "/cli-login", form(browser.get(approval(51234)).body(), 51234,
                "approve")));
        var issued = exchange(fresh, verifier);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = JSON.readTree(issued.body()).path("token").asString();
        assertThat(whoami(token)).contains("\"username\":\"admin\"");
        assertThat(exchange(fresh, verifier).statusCode()).as("used").isEqualTo(400);
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'login.token-issued' order by "
                + "id desc limit 1", String.class)).startsWith("by a browser sign-in (plate login --sso)");
    }

    @Test
    void cancelling_tells_the_cli_and_makes_no_code() {
        var browser = signedIn();
        long codes = jdbc.queryForObject("select count(*) from cli_login_code", Long.class);

        var cancelled = browser.postForm(base + "/cli-login", form(browser.get(approval(40000)).body(), 40000, "cancel"));

        assertThat(cancelled.headers().firstValue("Location")).hasValue("http://127.0.0.1:40000/callback?state=" + state
                + "&error=access_denied");
        assertThat(jdbc.queryForObject("select count(*) from cli_login_code", Long.class)).isEqualTo(codes);
    }

    @Test
    void the_page_is_behind_the_sign_in_and_refuses_links_the_cli_did_not_make() {
        var anonymous = new HttpSession().get(approval(51234));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValue(base + "/login");

        var browser = signedIn();
        for (String bad : new String[] {"?port=80&state=" + state + "&challenge=" + challenge(),
                "?port=51234&state=short&challenge=" + challenge(), "?port=51234&state=" + state + "&challenge=abc",
                "?port=51234&state=" + state}) {
            var page = browser.get(base + "/cli-login" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.body()).contains("Run plate login --sso again");
        }
        var withoutCsrf = browser.postForm(base + "/cli-login", Map.of("port", "51234", "state", state, "challenge",
                challenge(), "decision", "approve"));
        assertThat(withoutCsrf.statusCode()).as("a cross-site form cannot approve").isEqualTo(403);
    }

    private HttpSession signedIn() {
        var browser = new HttpSession();
        assertThat(browser.login(base, "admin", PlateTest.ADMIN_PASSWORD).headers().firstValue("Location"))
                .hasValue(base + "/");
        return browser;
    }

    private String approval(int loopbackPort) {
        return base + "/cli-login?port=" + loopbackPort + "&state=" + state + "&challenge=" + challenge();
    }

    private Map<String, String> form(String page, int loopbackPort, String decision) {
        var matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return Map.of("port", String.valueOf(loopbackPort), "state", state, "challenge", challenge(), "decision",
                decision, "_csrf", matcher.group(1));
    }

    private static String codeFrom(HttpResponse<String> approved) {
        String location = approved.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("&code=") + 6);
    }

    private HttpResponse<String> exchange(String code, String withVerifier) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login/code")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code
                        + "\",\"verifier\":\"" + withVerifier + "\"}")).build());
    }

    private String whoami(String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/whoami")).header("Authorization", "Bearer "
                + token).build()).body();
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

    private String challenge() {
        return sha256(verifier);
    }

    private static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
