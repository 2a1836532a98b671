package dev.plate.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.NewProject;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import dev.plate.tokens.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /api/v1 over real HTTP with access tokens of every role: what each may do, and clear refusals. */
@PlateTest
class ApiV1Test {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserService users;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final HttpClient http = HttpClient.newHttpClient();
    /** One user and token per role for the class; the ADMIN one is the built-in admin (others count admins). */
    static final Map<Role, String> token = new EnumMap<>(Role.class);
    String project;

    @BeforeEach
    void usersWithTokensAndAProject() {
        if (token.isEmpty()) {
            for (Role role : Role.values()) {
                String name = role == Role.ADMIN ? "admin"
                        : "api" + role.name().toLowerCase() + UUID.randomUUID().toString().substring(0, 6);
                signInAs("admin", Role.ADMIN);
                if (role != Role.ADMIN) {
                    users.createUser(new NewUser(name, name, role, "a-long-enough-password-1"));
                }
                signInAs(name, role);
                token.put(role, tokens.create("api-test", 1).token());
            }
        }
        signInAs("admin", Role.ADMIN);
        project = "api-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                "/healthz", List.of("team-a")), "1.0.0"));
        securityContext.clearContext();
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void aViewerReadsProjectsWithTheirEnvironmentsAndWhoTheyAre() throws Exception {
        var me = get("/api/v1/whoami", token.get(Role.VIEWER));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("roles").toString()).contains("VIEWER").doesNotContain("DEVELOPER");

        var one = get("/api/v1/projects/" + project, token.get(Role.VIEWER));
        assertThat(one.statusCode()).isEqualTo(200);
        var body = json(one);
        assertThat(body.path("name").asString()).isEqualTo(project);
        assertThat(body.path("environments").get(0).path("name").asString()).isEqualTo("dev");
        assertThat(body.path("environments").get(0).path("imageTag").asString()).isEqualTo("1.0.0");
        assertThat(body.path("environments").get(0).path("state").asString()).isEqualTo("COMMITTED");

        var all = get("/api/v1/projects", token.get(Role.VIEWER));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"name\":\"" + project + "\"");
        assertThat(get("/api/v1/environments", token.get(Role.VIEWER)).body()).contains("\"name\":\"staging\"");
    }

    @Test
    void aDeveloperDeploysToDevAndTheCommitIsInTheRepository() throws Exception {
        var response = post("/api/v1/deploy", token.get(Role.DEVELOPER),
                "{\"project\":\"" + project + "\",\"environment\":\"dev\",\"imageTag\":\"1.1.0\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var deployment = json(response);
        assertThat(deployment.path("state").asString()).isEqualTo("COMMITTED");
        assertThat(deployment.path("commit").asString()).isEqualTo(repository.head());
        assertThat(new String(repository.read(RepoLayout.valuesFile(project, "dev")).orElseThrow(),
                StandardCharsets.UTF_8)).contains("tag: \"1.1.0\"");
        var again = get("/api/v1/deployments/" + deployment.path("id").asLong(), token.get(Role.VIEWER));
        assertThat(json(again).path("imageTag").asString()).isEqualTo("1.1.0");
    }

    /** role × endpoint → status; the services decide, the API only passes the answer on. */
    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
        "POST, /api/v1/deploy, VIEWER, 403",
        "POST, /api/v1/deploy, DEVELOPER, 201",
        "POST, /api/v1/deploy-prod, DEVELOPER, 403",
        "POST, /api/v1/deploy-prod, MAINTAINER, 201",
        "GET, /api/v1/projects, VIEWER, 200",
        "GET, /api/v1/environments, ADMIN, 200",
    })
    void whatEachRoleMayDo(String method, String path, Role role, int expected) throws Exception {
        String env = path.endsWith("-prod") ? "prod" : "dev";
        var response = method.equals("GET") ? get(path, token.get(role))
                : post("/api/v1/deploy", token.get(role), "{\"project\":\"" + project + "\",\"environment\":\"" + env
                        + "\",\"imageTag\":\"2.0." + role.ordinal() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void noForgedRevokedOrExpiredTokenAndNoBrowserSessionGetsIn() throws Exception {
        signInAs("admin", Role.ADMIN);
        var revoked = tokens.create("revoked", 1);
        tokens.revoke(revoked.summary().id());
        var expired = tokens.create("expired", 1);
        jdbc.update("update api_token set expires_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(5)),
                expired.summary().id());
        securityContext.clearContext();

        for (String bad : new String[] {null, "plate_forged" + "x".repeat(30), revoked.token(), expired.token(),
                "not-even-a-token"}) {
            var response = get("/api/v1/projects", bad);
            assertThat(response.statusCode()).as(String.valueOf(bad)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
            assertThat(json(response).path("detail").asString()).isNotBlank();
        }
        var browser = new HttpSession();
        browser.login("http://localhost:" + port, "admin", PlateTest.ADMIN_PASSWORD);
        assertThat(browser.get("http://localhost:" + port + "/api/v1/whoami").statusCode())
                .as("a session cookie does not authenticate the API").isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON | {\"project\": | 400 |",
        "unknown field | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"imageTag\":\"1.2.0\",\"replicaz\":3} | 400 |",
        "wrong type | {\"project\":{\"a\":1},\"environment\":\"dev\",\"imageTag\":\"1.2.0\"} | 400 |",
        "no image tag | {\"project\":\"PROJECT\",\"environment\":\"dev\"} | 400 | imageTag",
        "invalid tag | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"imageTag\":\"bad tag!\"} | 400 | imageTag",
        "YAML in tag | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"imageTag\":\"1.0\\n: x\"} | 400 | imageTag",
        "unknown project | {\"project\":\"nope-404\",\"environment\":\"dev\",\"imageTag\":\"1.2.0\"} | 404 |",
        "unknown environment | {\"project\":\"PROJECT\",\"environment\":\"qa\",\"imageTag\":\"1.2.0\"} | 404 |",
        "not an object | [1,2,3] | 400 |",
    })
    void badInputIsA4xxProblemAndCommitsNothing(String name, String body, int status, String field) throws Exception {
        String before = repository.head();

        var response = post("/api/v1/deploy", token.get(Role.MAINTAINER), body.replace("PROJECT", project));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var problem = json(response);
        assertThat(problem.path("detail").asString()).isNotBlank();
        if (field != null && !field.isBlank()) {
            assertThat(problem.path("field").asString()).isEqualTo(field.strip());
        }
        assertThat(repository.head()).isEqualTo(before);
    }

    @Test
    void aDeveloperImportsAProjectAndAMaintainerPromotesRollsBackAndRemovesIt() throws Exception {
        String name = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        var imported = post("/api/v1/projects", token.get(Role.DEVELOPER), "{\"name\":\"" + name
                + "\",\"imageRepository\":\"ghcr.io/acme/" + name + "\",\"containerPort\":3000,"
                + "\"healthPath\":\"/ready\",\"imageTag\":\"0.1.0\"}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(json(imported).path("applications").toString()).contains(name + "-dev", name + "-prod");
        assertThat(repository.read(RepoLayout.valuesFile(name, "staging"))).isPresent();

        post("/api/v1/deploy", token.get(Role.DEVELOPER), "{\"project\":\"" + name
                + "\",\"environment\":\"dev\",\"imageTag\":\"0.2.0\"}");
        var refused = post("/api/v1/promote", token.get(Role.DEVELOPER), "{\"project\":\"" + name
                + "\",\"from\":\"dev\",\"to\":\"staging\"}");
        assertThat(refused.statusCode()).as("promoting needs a maintainer").isEqualTo(403);
        var promoted = post("/api/v1/promote", token.get(Role.MAINTAINER), "{\"project\":\"" + name
                + "\",\"from\":\"dev\",\"to\":\"staging\"}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(201);
        assertThat(json(promoted).path("imageTag").asString()).isEqualTo("0.2.0");
        var skipping = post("/api/v1/promote", token.get(Role.MAINTAINER), "{\"project\":\"" + name
                + "\",\"from\":\"dev\",\"to\":\"prod\"}");
        assertThat(skipping.statusCode()).isEqualTo(400);
        assertThat(json(skipping).path("field").asString()).isEqualTo("to");

        var rolledBack = post("/api/v1/rollback", token.get(Role.MAINTAINER), "{\"project\":\"" + name
                + "\",\"environment\":\"staging\"}");
        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(201);
        assertThat(json(rolledBack).path("imageTag").asString()).isEqualTo("0.1.0");
        var history = get("/api/v1/projects/" + name + "/history?environment=staging", token.get(Role.VIEWER));
        assertThat(json(history).findValuesAsString("kind")).containsExactly("ROLLBACK", "PROMOTE", "IMPORT");

        var unconfirmed = delete("/api/v1/projects/" + name, token.get(Role.MAINTAINER));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(delete("/api/v1/projects/" + name + "?confirm=" + name, token.get(Role.DEVELOPER)).statusCode())
                .isEqualTo(403);
        assertThat(delete("/api/v1/projects/" + name + "?confirm=" + name, token.get(Role.MAINTAINER)).statusCode())
                .isEqualTo(204);
        assertThat(get("/api/v1/projects/" + name, token.get(Role.VIEWER)).statusCode()).isEqualTo(404);
        assertThat(repository.read(RepoLayout.valuesFile(name, "staging"))).isEmpty();
    }

    @Test
    void anImportWithAnInvalidNameIsRefusedAndLeavesNoRow() throws Exception {
        long before = jdbc.queryForObject("select count(*) from project", Long.class);

        var response = post("/api/v1/projects", token.get(Role.DEVELOPER),
                "{\"name\":\"Bad_Name\",\"imageRepository\":\"ghcr.io/acme/x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asString()).isEqualTo("name");
        assertThat(jdbc.queryForObject("select count(*) from project", Long.class)).isEqualTo(before);
    }

    @Test
    void anOversizeBodyIsRefusedDeclaredOrChunked() throws Exception {
        String big = "{\"project\":\"" + "x".repeat(1_100_000) + "\"}";
        var declared = post("/api/v1/deploy", token.get(Role.MAINTAINER), big);
        assertThat(declared.statusCode()).isEqualTo(413);

        // A publisher of unknown length makes the client send it chunked, with no Content-Length.
        var chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/deploy"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token.get(Role.MAINTAINER))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(json(chunked).path("detail").asString()).contains("larger than 1 MB");
    }

    @Test
    void anUnknownDeploymentOrPathIsA404Problem() throws Exception {
        assertThat(get("/api/v1/deployments/999999999", token.get(Role.VIEWER)).statusCode()).isEqualTo(404);
        var wrongType = get("/api/v1/deployments/abc", token.get(Role.VIEWER));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).path("field").asString()).isEqualTo("id");
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String bearer, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE()
                .header("Authorization", "Bearer " + bearer);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private void signInAs(String username, Role role) {
        dev.plate.support.SignIn.as(securityContext, username, role);
    }
}
