package dev.plate.api;

import static dev.plate.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** The audit trail through the API: an admin filters it; each event carries the request id of the call behind it. */
@PlateTest
class ApiAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    dev.plate.tokens.ApiTokens tokens;

    static String admin;
    static String viewer;
    Api api;

    @BeforeEach
    void tokens() {
        api = new Api(port);
        if (admin == null) {
            // The built-in admin: other tests count the administrators, so this test adds none.
            SignIn.as(securityContext, "admin", Role.ADMIN);
            admin = tokens.create("audit-test", 1).token();
            securityContext.clearContext();
            var v = Api.newAccount(users, securityContext, "auditviewer", Role.VIEWER);
            viewer = api.login(v.username(), v.password());
        }
    }

    @Test
    void an_import_is_found_by_its_target_with_the_request_id_of_the_call() {
        String name = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        var imported = api.post("/api/v1/projects", admin, "{\"name\":\"" + name + "\",\"imageRepository\":\"ghcr.io/acme/"
                + name + "\"}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String requestId = imported.headers().firstValue("X-Request-Id").orElseThrow();

        var found = api.get("/api/v1/audit?target=project:" + name + "&action=project.&since=" + before, admin);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var events = json(found);
        assertThat(events.size()).isEqualTo(1);
        assertThat(events.get(0).path("action").asString()).isEqualTo("project.imported");
        assertThat(events.get(0).path("correlationId").asString()).isEqualTo(requestId);
        assertThat(events.get(0).path("actor").asString()).isEqualTo("admin");

        var none = api.get("/api/v1/audit?target=project:" + name + "&until=" + before, admin);
        assertThat(json(none).size()).isZero();
        var wildcard = api.get("/api/v1/audit?target=%25&limit=5", admin);
        assertThat(json(wildcard).size()).as("'%' is a literal, not a wildcard").isZero();
    }

    @Test
    void only_an_admin_reads_it_and_bad_filters_are_refused() {
        assertThat(api.get("/api/v1/audit", viewer).statusCode()).isEqualTo(403);
        var badTime = api.get("/api/v1/audit?since=yesterday", admin);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(json(badTime).path("field").asString()).isEqualTo("since");
        var badLimit = api.get("/api/v1/audit?limit=5000", admin);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(json(badLimit).path("field").asString()).isEqualTo("limit");
    }
}
