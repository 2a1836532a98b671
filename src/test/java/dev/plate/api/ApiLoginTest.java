package dev.plate.api;

import static dev.plate.api.Api.json;
import static dev.plate.api.Api.quote;
import static dev.plate.api.Api.resign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.plate.security.Role;
import dev.plate.security.SecurityProperties;
import dev.plate.security.UserService;
import dev.plate.settings.Settings;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** {@code POST /api/v1/login} and the login tokens it issues, over real HTTP. */
@PlateTest
class ApiLoginTest {

    static final String WRONG = "Wrong username or password.";
    static final String INVALID_TOKEN = "The login token is invalid, has expired or was ended (a new password, a "
            + "disabled account): run `plate login` again.";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    Settings settings;
    @Autowired
    SecurityProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    Api api;
    /** A developer of this test alone, so the lock and role changes touch nobody else. */
    Api.Account developer;

    @BeforeEach
    void anAccountOfItsOwn() {
        api = new Api(port);
        developer = Api.newAccount(users, securityContext, "login", Role.DEVELOPER);
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_login_returns_a_signed_token_that_authenticates_the_api() throws Exception {
        var response = login(developer.username(), developer.password());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        var body = json(response);
        assertThat(body.path("username").asString()).isEqualTo(developer.username());
        assertThat(body.path("role").asString()).isEqualTo("DEVELOPER");
        assertThat(Instant.parse(body.path("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(properties.loginTokenLifetime()), within(1, ChronoUnit.MINUTES));
        var jwt = SignedJWT.parse(body.path("token").asString());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.verify(new MACVerifier(Api.signingKey(settings)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("plate");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(developer.username());

        var me = api.get("/api/v1/whoami", body.path("token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("username").asString()).isEqualTo(developer.username());
        assertThat(json(me).path("roles").toString()).isEqualTo("[\"DEVELOPER\",\"VIEWER\"]");
    }

    @Test
    void a_wrong_password_is_refused_and_counted_until_the_account_locks() {
        var first = login(developer.username(), "not-the-password");

        assertRefused(first, WRONG);
        assertThat(failedLogins(developer.username())).isEqualTo(1);

        for (int attempt = 2; attempt <= properties.maxFailedLogins(); attempt++) {
            assertThat(login(developer.username(), "guess-" + attempt).statusCode()).isEqualTo(401);
        }
        var right = login(developer.username(), developer.password());

        assertRefused(right, "Too many failed sign-ins to this account from your address: try again in");
        assertThat(jdbc.queryForObject("select s.locked_until from login_source s join plate_user u on u.id = s.user_id "
                + "where u.username = ? and s.source = ?", Instant.class, developer.username(), api.address))
                .isAfter(Instant.now());
        var elsewhere = new Api(port);
        assertThat(elsewhere.post("/api/v1/login", null, "{\"username\":\"" + developer.username()
                + "\",\"password\":\"" + developer.password() + "\"}").statusCode())
                .as("the lock keeps out that address, not the account's owner at another").isEqualTo(200);
    }

    @Test
    void an_address_spraying_guesses_over_many_accounts_is_refused_with_429_and_told_when_to_come_back() {
        for (int i = 0; i < properties.signInFailuresPerMinute(); i++) {
            assertThat(login("spray-" + i + "-" + developer.username(), "guess").statusCode()).isEqualTo(401);
        }

        var refused = login(developer.username(), developer.password());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(0)).isBetween(1, 60);
        assertThat(json(refused).path("detail").asString()).startsWith("Too many failed sign-ins from your address");
        assertThat(new Api(port).post("/api/v1/login", null, "{\"username\":\"" + developer.username()
                + "\",\"password\":\"" + developer.password() + "\"}").statusCode())
                .as("another address is not held back").isEqualTo(200);
    }

    @Test
    void a_success_clears_the_count_of_failures() {
        login(developer.username(), "not-the-password");
        login(developer.username(), "not-the-password-either");

        assertThat(login(developer.username(), developer.password()).statusCode()).isEqualTo(200);

        assertThat(failedLogins(developer.username())).isZero();
    }

    @Test
    void an_unknown_user_gets_the_same_answer_as_a_wrong_password() {
        var unknown = login("nobody-" + developer.username(), "whatever-password");
        var wrong = login(developer.username(), "whatever-password");

        assertRefused(unknown, WRONG);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    /** As on the login page: a stranger must not learn which accounts exist but are disabled. */
    @Test
    void a_disabled_account_gets_no_token_and_the_answer_of_a_wrong_password() {
        setEnabled(developer, false);

        var right = login(developer.username(), developer.password());
        var wrong = login(developer.username(), "not-the-password");

        assertRefused(right, WRONG);
        assertRefused(wrong, WRONG);
    }

    @ParameterizedTest(name = "{0} → field {1}")
    @CsvSource(delimiter = '|', value = {
        "{}                                      | username",
        "{\"password\":\"x\"}                    | username",
        "{\"username\":\"  \",\"password\":\"x\"} | username",
        "{\"username\":\"someone\"}              | password",
        "{\"username\":\"someone\",\"password\":\"\"} | password",
    })
    void a_login_without_username_or_password_names_what_is_missing(String body, String field) {
        var response = api.post("/api/v1/login", null, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("field").asString()).isEqualTo(field);
        assertThat(json(response).path("detail").asString()).startsWith("Give your");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON       | application/json | {\"username\":          | 400 | The body is not the JSON this endpoint takes",
        "cut short            | application/json | {\"username\":\"a\"      | 400 | it is not valid JSON (line 1, column 16): Unexpected end-of-input: expected close marker for Object.",
        "not an object        | application/json | [\"admin\",\"secret\"]    | 400 | The body must be an object (a JSON object)",
        "unknown field        | application/json | {\"user\":\"a\",\"password\":\"b\"} | 400 | user",
        "a form, not JSON     | application/x-www-form-urlencoded | username=admin&password=x | 415 | Send the body as application/json.",
    })
    void a_login_body_that_is_not_the_expected_json_is_a_400_problem(String name, String type, String body,
            int status, String detail) {
        var response = api.send("POST", "/api/v1/login", null, type, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("detail").asString()).contains(detail).doesNotContain("REDACTED", "[Source");
    }

    /** Each forgery starts from a token Plate issued; re-signed unchanged with Plate's key, it is accepted. */
    static Stream<Arguments> forgeries() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        return Stream.of(
                forgery("signed with another key", (key, issued) -> resign(otherKey, issued, claims -> claims)),
                forgery("alg none", (key, issued) -> new PlainJWT(parse(resign(key, issued, claims -> claims)))
                        .serialize()),
                forgery("alg none, signature kept", (key, issued) -> {
                    String[] parts = resign(key, issued, claims -> claims).split("\\.");
                    return "eyJhbGciOiJub25lIn0." + parts[1] + "." + parts[2];
                }),
                forgery("HS512 instead of HS256", (key, issued) -> {
                    try {
                        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), parse(issued));
                        jwt.sign(new MACSigner(java.util.Arrays.copyOf(key, 64)));
                        return jwt.serialize();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                forgery("another issuer", (key, issued) -> resign(key, issued, claims -> claims.issuer("evil"))),
                forgery("no issuer", (key, issued) -> resign(key, issued, claims -> claims.issuer(null))),
                forgery("expired a minute ago", (key, issued) -> resign(key, issued,
                        claims -> claims.expirationTime(Api.inSeconds(-60)))),
                forgery("no expiry", (key, issued) -> resign(key, issued, claims -> claims.expirationTime(null))),
                forgery("not valid yet", (key, issued) -> resign(key, issued,
                        claims -> claims.notBeforeTime(Api.inSeconds(3600)))),
                forgery("a user that does not exist", (key, issued) -> resign(key, issued,
                        claims -> claims.subject("ghost-" + UUID.randomUUID()))),
                forgery("another user's name", (key, issued) -> resign(key, issued, claims -> claims.subject("admin"))),
                forgery("no password fingerprint", (key, issued) -> resign(key, issued,
                        claims -> claims.claim("pwd", null))),
                forgery("payload swapped after signing", (key, issued) -> {
                    String[] parts = issued.split("\\.");
                    String admin = resign(key, issued, claims -> claims.subject("admin")).split("\\.")[1];
                    return parts[0] + "." + admin + "." + parts[2];
                }),
                forgery("not a JWT at all", (key, issued) -> "definitely.not.a-jwt"),
                forgery("too long", (key, issued) -> resign(key, issued, claims -> claims.claim("pad",
                        "x".repeat(5000)))));
    }

    static Arguments forgery(String name, BiFunction<byte[], String, String> token) {
        return Arguments.of(name, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void a_token_that_plate_did_not_issue_as_it_is_is_refused(String name, BiFunction<byte[], String, String> forge) {
        String issued = api.login(developer.username(), developer.password());
        byte[] key = Api.signingKey(settings);
        assertThat(api.get("/api/v1/whoami", resign(key, issued, claims -> claims)).statusCode())
                .as("the issued token, signed again unchanged, is accepted").isEqualTo(200);

        var response = api.get("/api/v1/whoami", forge.apply(key, issued));

        assertRefused(response, INVALID_TOKEN);
    }

    private static JWTClaimsSet parse(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void a_token_stops_working_when_its_account_is_disabled_and_stays_stopped_when_enabled_again() {
        String token = api.login(developer.username(), developer.password());
        assertThat(api.get("/api/v1/whoami", token).statusCode()).isEqualTo(200);

        setEnabled(developer, false);

        assertRefused(api.get("/api/v1/whoami", token), INVALID_TOKEN);
        setEnabled(developer, true);
        assertRefused(api.get("/api/v1/whoami", token), INVALID_TOKEN);
    }

    @Test
    void the_current_role_applies_to_a_token_issued_before_it_changed() {
        String token = api.login(developer.username(), developer.password());
        String project = "role-" + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("/api/v1/projects", api.login("admin", dev.plate.support.PlateTest.ADMIN_PASSWORD),
                "{\"name\":\"" + project + "\",\"imageRepository\":\"ghcr.io/acme/" + project + "\"}").statusCode())
                .isEqualTo(201);
        String deployment = "{\"project\":\"" + project + "\",\"environment\":\"dev\",\"imageTag\":\"1.0.1\"}";

        changeRole(developer, Role.VIEWER);

        assertThat(json(api.get("/api/v1/whoami", token)).path("roles").toString()).isEqualTo("[\"VIEWER\"]");
        var deploy = api.post("/api/v1/deploy", token, deployment);
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(403);

        changeRole(developer, Role.MAINTAINER);

        assertThat(json(api.get("/api/v1/whoami", token)).path("roles").toString())
                .isEqualTo("[\"MAINTAINER\",\"DEVELOPER\",\"VIEWER\"]");
        assertThat(api.post("/api/v1/deploy", token, deployment).statusCode()).isEqualTo(201);
    }

    @Test
    void the_role_written_in_a_token_is_not_what_counts() {
        String issued = api.login(developer.username(), developer.password());
        String claimsAdmin = resign(Api.signingKey(settings), issued, claims -> claims.claim("role", "ADMIN")
                .claim("roles", List.of("ADMIN")).claim("authorities", List.of("ROLE_ADMIN")));

        var me = api.get("/api/v1/whoami", claimsAdmin);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("roles").toString()).isEqualTo("[\"DEVELOPER\",\"VIEWER\"]");
    }

    /** A reset or changed password is how someone else is thrown out; their login token must go with it. */
    @Test
    void a_password_reset_ends_the_login_tokens_issued_before() {
        String before = api.login(developer.username(), developer.password());

        SignIn.as(securityContext, "admin", Role.ADMIN);
        String newPassword = users.resetPassword(developer.id());
        securityContext.clearContext();

        assertRefused(api.get("/api/v1/whoami", before), INVALID_TOKEN);
        String after = api.login(developer.username(), newPassword);
        assertThat(api.get("/api/v1/whoami", after).statusCode()).isEqualTo(200);
    }

    @Test
    void an_issued_login_token_is_in_the_audit_log() {
        api.login(developer.username(), developer.password());

        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'login.token-issued' "
                + "and actor = ?", Long.class, developer.username())).isEqualTo(1);
    }

    private HttpResponse<String> login(String username, String password) {
        return api.post("/api/v1/login", null, "{\"username\":" + quote(username) + ",\"password\":" + quote(password)
                + "}");
    }

    private static void assertRefused(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(json(response).path("detail").asString()).contains(detail);
    }

    /** Failed sign-ins to the account counted from this test's address. */
    private int failedLogins(String username) {
        return jdbc.queryForObject("select coalesce(max(s.failures), 0) from login_source s join plate_user u "
                + "on u.id = s.user_id where u.username = ? and s.source = ?", Integer.class, username, api.address);
    }

    private void setEnabled(Api.Account account, boolean enabled) {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        users.setEnabled(account.id(), enabled);
        securityContext.clearContext();
    }

    private void changeRole(Api.Account account, Role role) {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        users.changeRole(account.id(), role);
        securityContext.clearContext();
    }
}
