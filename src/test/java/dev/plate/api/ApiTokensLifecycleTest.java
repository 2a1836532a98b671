package dev.plate.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

/** A token made through the API works at once, is listed without its secret, and stops working when revoked. */
@PlateTest
class ApiTokensLifecycleTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void create_use_list_and_revoke() {
        var api = new Api(port);
        var account = Api.newAccount(users, securityContext, "tok", Role.DEVELOPER);
        String login = api.login(account.username(), account.password());

        var created = api.post("/api/v1/tokens", login, "{\"name\":\"ci-deploy\",\"days\":30}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var body = JSON.readTree(created.body());
        String token = body.path("token").asString();
        long id = body.path("summary").path("id").asLong();
        assertThat(token).startsWith("plate_");

        var minted = api.post("/api/v1/tokens", token, "{\"name\":\"longer\",\"days\":365}");
        assertThat(minted.statusCode()).as("a token cannot outlive its revocation by making another").isEqualTo(403);
        assertThat(minted.body()).contains("sign in");

        var whoami = api.get("/api/v1/whoami", token);
        assertThat(JSON.readTree(whoami.body()).path("username").asString()).isEqualTo(account.username());
        var listed = api.get("/api/v1/tokens", token);
        assertThat(listed.body()).contains("ci-deploy").doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.created' and actor = ?",
                Long.class, account.username())).isEqualTo(1);

        assertThat(api.delete("/api/v1/tokens/" + id, login).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/whoami", token).statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_without_a_name_or_with_too_many_days_is_refused() {
        var api = new Api(port);
        var account = Api.newAccount(users, securityContext, "tokbad", Role.VIEWER);
        String login = api.login(account.username(), account.password());

        var unnamed = api.post("/api/v1/tokens", login, "{\"days\":30}");
        var forever = api.post("/api/v1/tokens", login, "{\"name\":\"x\",\"days\":9999}");

        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unnamed.body()).path("field").asString()).isEqualTo("name");
        assertThat(forever.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(forever.body()).path("field").asString()).isEqualTo("days");
        assertThat(api.get("/api/v1/tokens", login).body()).isEqualTo("[]");
    }
}
