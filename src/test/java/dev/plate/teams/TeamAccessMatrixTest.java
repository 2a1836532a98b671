package dev.plate.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ConflictException;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.project.NewProject;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may change a team's project, through /api/v1 with each caller's own login token: user × role in the project's
 * team (as an account, or through a provider group) × another team × action, the protected environment included. A
 * refused call commits and records nothing; an allowed write commits.
 */
@PlateTest
class TeamAccessMatrixTest {

    /**
     * Rows: actions on a project of team "alpha"; columns: callers. VIEWER is a Plate-wide viewer in no team; the TEAM_
     * callers are Plate-wide viewers with that role in alpha; GROUP_MAINTAINER is one through a provider group;
     * OTHER_MAINTAINER is a maintainer of team beta; DEVELOPER a Plate-wide developer in no team.
     */
    static final String MATRIX = """
            action              VIEWER  TEAM_VIEWER  TEAM_DEVELOPER  TEAM_MAINTAINER  GROUP_MAINTAINER  OTHER_MAINTAINER  DEVELOPER
            import_into_team     403       403           201             201              201               403             201
            import_no_team       403       403           403             403              403               403             201
            deploy_unprotected   403       403           201             201              201               403             201
            deploy_protected     403       403           403             201              201               403             403
            promote              403       403           403             201              201               403             403
            rollback             403       403           403             201              201               403             403
            retry                403       403           409             409              409               403             409
            remove               403       403           403             204              204               403             403
            read                 200       200           200             200              200               200             200
            """;

    enum Caller { VIEWER, TEAM_VIEWER, TEAM_DEVELOPER, TEAM_MAINTAINER, GROUP_MAINTAINER, OTHER_MAINTAINER, DEVELOPER }

    record Target(String project, String unprotected, String next, String protectedEnv) {}

    enum Action {
        import_into_team(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/projects", token, importBody(", \"team\": \"alpha\""));
            }
        },
        import_no_team(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/projects", token, importBody(""));
            }
        },
        deploy_unprotected(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/deploy", token, deploy(t.project(), t.unprotected()));
            }
        },
        deploy_protected(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/deploy", token, deploy(t.project(), t.protectedEnv()));
            }
        },
        promote(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/promote", token, "{\"project\":\"" + t.project() + "\",\"from\":\""
                        + t.unprotected() + "\",\"to\":\"" + t.next() + "\"}");
            }
        },
        rollback(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/rollback", token, "{\"project\":\"" + t.project() + "\",\"environment\":\""
                        + t.unprotected() + "\"}");
            }
        },
        /** Allowed, but nothing failed there: refused with 409, nothing changes. */
        retry(false) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.post("/api/v1/retry", token, "{\"project\":\"" + t.project() + "\",\"environment\":\""
                        + t.unprotected() + "\"}");
            }
        },
        remove(true) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.delete("/api/v1/projects/" + t.project() + "?confirm=" + t.project(), token);
            }
        },
        read(false) {
            HttpResponse<String> call(Calls api, Target t, String token) {
                return api.get("/api/v1/projects/" + t.project(), token);
            }
        };

        final boolean writes;

        Action(boolean writes) {
            this.writes = writes;
        }

        abstract HttpResponse<String> call(Calls api, Target target, String token);

        private static String importBody(String team) {
            String name = "team-new-" + UUID.randomUUID().toString().substring(0, 8);
            return "{\"name\":\"" + name + "\",\"imageRepository\":\"ghcr.io/acme/" + name + "\",\"imageTag\":\"1.0.0\""
                    + team + "}";
        }

        private static String deploy(String project, String env) {
            return "{\"project\":\"" + project + "\",\"environment\":\"" + env + "\",\"imageTag\":\"2.0.0\"}";
        }
    }

    static Stream<Arguments> matrix() {
        return dev.plate.support.AccessMatrix.cases(MATRIX, Action::valueOf, Caller::valueOf);
    }

    static final String PASSWORD = "a-long-enough-password-1";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    static final Map<Caller, String> usernames = new EnumMap<>(Caller.class);
    static Target shared;

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TeamService teams;
    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentService environments;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.plate.tokens.ApiTokens accessTokens;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    Calls api;

    @BeforeEach
    void teamsAndCallers() {
        api = new Calls(port);
        if (!tokens.isEmpty()) {
            return;
        }
        String suffix = Long.toString(System.nanoTime(), 36);
        asAdmin(() -> {
            if (teams.find("alpha").isEmpty()) {
                teams.create("alpha", "Alpha");
                teams.create("beta", "Beta");
            }
            for (Caller caller : Caller.values()) {
                Role global = caller == Caller.DEVELOPER ? Role.DEVELOPER : Role.VIEWER;
                String username = caller.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + suffix;
                users.createUser(new NewUser(username, username, global, PASSWORD));
                usernames.put(caller, username);
            }
            teams.setMember("alpha", usernames.get(Caller.TEAM_VIEWER), Role.VIEWER);
            teams.setMember("alpha", usernames.get(Caller.TEAM_DEVELOPER), Role.DEVELOPER);
            teams.setMember("alpha", usernames.get(Caller.TEAM_MAINTAINER), Role.MAINTAINER);
            teams.setMember("beta", usernames.get(Caller.OTHER_MAINTAINER), Role.MAINTAINER);
            teams.setGroup("alpha", "alpha-maintainers-" + suffix, Role.MAINTAINER);
        });
        // As a sign-in through the provider leaves them (SingleSignOnTest signs in through a real provider).
        jdbc.update("update plate_user set identity_groups = ? where username = ?", "staff\nalpha-maintainers-" + suffix,
                usernames.get(Caller.GROUP_MAINTAINER));
        usernames.forEach((caller, username) -> tokens.put(caller, api.login(username, PASSWORD)));
        shared = newTarget();
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void each_caller_may_change_a_teams_project_as_its_role_there_allows(Action action, Caller caller, int expected) {
        Target target = action.writes && expected < 300 ? newTarget() : shared;
        String head = repository.head();
        long deploymentRows = count("deployment");
        long projects = count("project");

        var response = action.call(api, target, tokens.get(caller));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(repository.head()).as("a refused call commits nothing").isEqualTo(head);
            assertThat(count("deployment")).as("a refused call records nothing").isEqualTo(deploymentRows);
            assertThat(count("project")).isEqualTo(projects);
        } else if (action.writes) {
            assertThat(repository.head()).as("an allowed write commits").isNotEqualTo(head);
        }
        if (expected == 403) {
            assertThat(JSON.readTree(response.body()).path("detail").asString())
                    .as("the refusal names the role needed").contains("needs the");
        }
    }

    @Test
    void a_refusal_says_which_role_is_needed_in_which_team() {
        var response = Action.deploy_protected.call(api, shared, tokens.get(Caller.TEAM_DEVELOPER));

        assertThat(JSON.readTree(response.body()).path("detail").asString()).isEqualTo(
                "Deploying " + shared.project() + " in " + shared.protectedEnv() + " (a protected environment) needs "
                        + "the MAINTAINER role in team alpha (you have DEVELOPER there).");
    }

    @Test
    void a_changed_membership_applies_to_the_very_next_call() {
        String token = tokens.get(Caller.TEAM_DEVELOPER);
        String username = usernames.get(Caller.TEAM_DEVELOPER);
        Target target = newTarget();
        assertThat(Action.promote.call(api, target, token).statusCode()).isEqualTo(403);
        try {
            asAdmin(() -> teams.setMember("alpha", username, Role.MAINTAINER));
            assertThat(Action.promote.call(api, target, token).statusCode()).isEqualTo(201);
            asAdmin(() -> teams.removeMember("alpha", username));
            assertThat(Action.deploy_unprotected.call(api, target, token).statusCode()).isEqualTo(403);
        } finally {
            asAdmin(() -> teams.setMember("alpha", username, Role.DEVELOPER));
        }
    }

    /** For CI: a token limited to one team's projects, or to reading, never does more than its owner may. */
    @Test
    void a_token_limited_to_a_team_or_to_reading_does_only_that() {
        String developer = usernames.get(Caller.DEVELOPER);
        Target ours = newTarget();
        String elsewhere = "team-none-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin(() -> {
            deployments.importProject(new ImportRequest(new NewProject(elsewhere, null, "ghcr.io/acme/" + elsewhere,
                    8080, "/", List.of()), "1.0.0"));
        });
        String alphaOnly = asUser(developer, Role.DEVELOPER, () -> accessTokens.create("ci-alpha", 1,
                new dev.plate.tokens.ApiTokens.Scope(java.util.Optional.of("alpha"), false)).token());
        String readOnly = asUser(developer, Role.DEVELOPER, () -> accessTokens.create("ci-read", 1,
                new dev.plate.tokens.ApiTokens.Scope(java.util.Optional.empty(), true)).token());

        assertThat(Action.deploy_unprotected.call(api, ours, alphaOnly).statusCode()).isEqualTo(201);
        var outside = api.post("/api/v1/deploy", alphaOnly, "{\"project\":\"" + elsewhere + "\",\"environment\":\""
                + ours.unprotected() + "\",\"imageTag\":\"2.0.0\"}");
        assertThat(outside.statusCode()).as("the developer may, the token may not").isEqualTo(403);
        assertThat(JSON.readTree(outside.body()).path("detail").asString()).as("the token's limit is the reason")
                .endsWith("; this access token is limited to team alpha.");
        assertThat(Action.import_no_team.call(api, ours, alphaOnly).statusCode()).isEqualTo(403);
        var readOnlyDeploy = Action.deploy_unprotected.call(api, ours, readOnly);
        assertThat(readOnlyDeploy.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(readOnlyDeploy.body()).path("detail").asString())
                .endsWith("needs the DEVELOPER role; this access token is read-only.");
        var readOnlyPromote = Action.promote.call(api, ours, readOnly);
        assertThat(readOnlyPromote.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(readOnlyPromote.body()).path("detail").asString())
                .as("the developer may not promote with any token: the token is not the reason")
                .contains("needs the MAINTAINER role").doesNotContain("access token");
        assertThat(Action.read.call(api, ours, readOnly).statusCode()).isEqualTo(200);

        String adminForAlpha = asUser("admin", Role.ADMIN, () -> accessTokens.create("ci-admin-alpha", 1,
                new dev.plate.tokens.ApiTokens.Scope(java.util.Optional.of("alpha"), false)).token());
        assertThat(api.get("/api/v1/users", adminForAlpha).statusCode()).as("no administration").isEqualTo(403);
        assertThat(Action.promote.call(api, ours, adminForAlpha).statusCode()).isEqualTo(201);
        asUser(developer, Role.DEVELOPER, () -> assertThatThrownBy(() -> accessTokens.create("ci-ghost", 1,
                new dev.plate.tokens.ApiTokens.Scope(java.util.Optional.of("ghosts"), false)))
                .hasMessageContaining("There is no team named 'ghosts'"));
        assertThat(api.get("/api/v1/tokens", alphaOnly).body()).contains("\"team\":\"alpha\"");

        String maintainer = usernames.get(Caller.TEAM_MAINTAINER);
        String maintainersReadOnly = asUser(maintainer, Role.VIEWER, () -> accessTokens.create("ci-read-alpha", 1,
                new dev.plate.tokens.ApiTokens.Scope(java.util.Optional.empty(), true)).token());
        assertThat(Action.promote.call(api, newTarget(), maintainersReadOnly).statusCode())
                .as("read-only holds no team role either").isEqualTo(403);
        long fullToken = JSON.readTree(api.get("/api/v1/tokens", alphaOnly).body()).valueStream()
                .filter(token -> token.path("name").asString().equals("ci-read")).findFirst().orElseThrow()
                .path("id").asLong();
        assertThat(api.delete("/api/v1/tokens/" + fullToken, readOnly).statusCode())
                .as("a limited token revokes nothing").isEqualTo(403);
    }

    @Test
    void an_import_into_a_team_that_does_not_exist_is_refused_and_changes_nothing() {
        String head = repository.head();

        var response = api.post("/api/v1/projects", tokens.get(Caller.DEVELOPER), "{\"name\":\"team-ghost-app\","
                + "\"imageRepository\":\"ghcr.io/acme/app\",\"team\":\"ghosts\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("There is no team named 'ghosts'");
        assertThat(repository.head()).isEqualTo(head);
        var bad = api.post("/api/v1/projects", tokens.get(Caller.DEVELOPER), "{\"name\":\"team-bad-app\","
                + "\"imageRepository\":\"ghcr.io/acme/app\",\"team\":\"Not A Team\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("There is no team named 'Not A Team'");
        assertThat(repository.head()).isEqualTo(head);
    }

    @Test
    void a_team_owning_projects_is_not_deleted_and_the_api_lists_who_owns_what() {
        asAdmin(() -> assertThatThrownBy(() -> teams.delete("alpha")).isInstanceOf(ConflictException.class)
                .hasMessageContaining(shared.project()));

        var listed = api.get("/api/v1/teams/alpha", tokens.get(Caller.VIEWER));

        assertThat(listed.statusCode()).isEqualTo(200);
        var team = JSON.readTree(listed.body());
        assertThat(team.path("projects").toString()).contains(shared.project());
        assertThat(team.path("members").toString()).contains(usernames.get(Caller.TEAM_MAINTAINER));
        assertThat(team.path("groups").toString()).contains("alpha-maintainers-");
        assertThat(JSON.readTree(api.get("/api/v1/projects/" + shared.project(), tokens.get(Caller.VIEWER)).body())
                .path("team").asString()).isEqualTo("alpha");
        assertThat(repository.read("applications/" + shared.project() + "/project.yaml").map(String::new))
                .as("recorded in Git, so a recovery keeps it").hasValueSatisfying(yaml -> assertThat(yaml)
                        .contains("team: \"alpha\""));
    }

    private Target newTarget() {
        String name = "team-" + UUID.randomUUID().toString().substring(0, 8);
        var order = environments.list();
        String first = order.get(0).name();
        return asAdmin(() -> {
            deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                    "/healthz", List.of()).inTeam("alpha"), "1.0.0"));
            deployments.deploy(DeployRequest.image(name, first, "1.1.0"));
            return new Target(name, first, order.get(1).name(), order.stream()
                    .filter(EnvironmentSummary::protectedEnvironment).map(EnvironmentSummary::name).findFirst()
                    .orElseThrow());
        });
    }

    private <T> T asAdmin(Supplier<T> action) {
        return asUser("admin", Role.ADMIN, action);
    }

    private <T> T asUser(String username, Role role, Supplier<T> action) {
        SignIn.as(securityContext, username, role);
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }

    private void asAdmin(Runnable action) {
        asAdmin(() -> {
            action.run();
            return null;
        });
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** Plain HTTP with a bearer token, as the CLI calls. */
    record Calls(int port) {

        String login(String username, String password) {
            var response = send(HttpRequest.newBuilder(uri("/api/v1/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + password + "\"}")).build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("token").asString();
        }

        HttpResponse<String> get(String path, String token) {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build());
        }

        HttpResponse<String> post(String path, String token, String body) {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> delete(String path, String token) {
            return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).DELETE().build());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
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
}
