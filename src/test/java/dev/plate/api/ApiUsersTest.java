package dev.plate.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.PlateTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** An admin manages accounts through the API as on the Users page, each change audited and in force at once. */
@PlateTest
class ApiUsersTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void create_sign_in_change_role_disable_and_reset() {
        var api = new Api(port);
        String admin = api.login("admin", PlateTest.ADMIN_PASSWORD); // no second admin: others count the admins
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);

        var created = api.post("/api/v1/users", admin, "{\"username\":\"" + name + "\",\"role\":\"DEVELOPER\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String password = JSON.readTree(created.body()).path("password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        String theirs = api.login(name, password);
        assertThat(api.get("/api/v1/whoami", theirs).body()).contains("DEVELOPER");

        var promoted = api.send("PUT", "/api/v1/users/" + name + "/role", admin, "application/json",
                "{\"role\":\"MAINTAINER\"}");
        assertThat(JSON.readTree(promoted.body()).path("role").asString()).isEqualTo("MAINTAINER");
        var disabled = api.send("PUT", "/api/v1/users/" + name + "/enabled", admin, "application/json",
                "{\"enabled\":false}");
        assertThat(JSON.readTree(disabled.body()).path("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/whoami", theirs).statusCode()).as("their login ends with the account").isEqualTo(401);

        api.send("PUT", "/api/v1/users/" + name + "/enabled", admin, "application/json", "{\"enabled\":true}");
        var reset = api.post("/api/v1/users/" + name + "/password", admin, null);
        String newPassword = JSON.readTree(reset.body()).path("password").asString();
        assertThat(api.get("/api/v1/whoami", api.login(name, newPassword)).body()).contains("MAINTAINER");
        assertThat(jdbc.queryForList("select action from audit_event where target = ? and action like 'user.%' "
                + "order by id", String.class, "user:" + name)).containsExactly("user.created", "user.role-changed", "user.disabled", "user.enabled",
                "user.password-reset");
    }

    @Test
    void a_bad_role_an_unknown_user_and_a_taken_name_are_refused_with_what_to_change() {
        var api = new Api(port);
        String admin = api.login("admin", PlateTest.ADMIN_PASSWORD);

        var badRole = api.post("/api/v1/users", admin, "{\"username\":\"x-role\",\"role\":\"SUPERUSER\"}");
        var unknown = api.send("PUT", "/api/v1/users/nobody-here/enabled", admin, "application/json",
                "{\"enabled\":false}");
        var taken = api.post("/api/v1/users", admin, "{\"username\":\"admin\",\"role\":\"VIEWER\"}");

        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRole.body()).path("detail").asString())
                .contains("role must be one of ADMIN, MAINTAINER, DEVELOPER, VIEWER, not \"SUPERUSER\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(taken.body()).path("type").asString()).isEqualTo("urn:plate:problem:already-exists");
    }
}
