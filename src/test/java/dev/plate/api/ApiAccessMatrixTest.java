package dev.plate.api;

import static dev.plate.api.Api.resign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.settings.Settings;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import dev.plate.tokens.ApiTokens;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Who may call what: every endpoint of /api/v1 by every role (with login tokens) and with credentials that must
 * not work. A refused call changes nothing; an allowed write commits.
 */
@PlateTest
class ApiAccessMatrixTest {

    /** Rows: endpoints; columns: callers. 2xx allowed, 403 the role may not, 401 not authenticated. */
    static final String MATRIX = """
            endpoint           VIEWER  DEVELOPER  MAINTAINER  ADMIN  NO_TOKEN  EXPIRED_LOGIN  REVOKED_TOKEN  FORGED_TOKEN
            whoami              200      200        200       200     401         401            401            401
            environments        200      200        200       200     401         401            401            401
            projects            200      200        200       200     401         401            401            401
            project             200      200        200       200     401         401            401            401
            history             200      200        200       200     401         401            401            401
            deployment          200      200        200       200     401         401            401            401
            import              403      201        201       201     401         401            401            401
            deploy_unprotected  403      201        201       201     401         401            401            401
            deploy_protected    403      403        201       201     401         401            401            401
            promote             403      403        201       201     401         401            401            401
            rollback            403      403        201       201     401         401            401            401
            retry               403      409        409       409     401         401            401            401
            remove              403      403        204       204     401         401            401            401
            audit               403      403        403       200     401         401            401            401
            recover             403      403        403       400     401         401            401            401
            argocd_state        403      403        403       200     401         401            401            401
            argocd_removal      403      403        403       400     401         401            401            401
            tokens              200      200        200       200     401         401            401            401
            tokens_of_everyone  403      403        403       200     401         401            401            401
            token_create        201      201        201       201     401         401            401            401
            users               403      403        403       200     401         401            401            401
            user_create         403      403        403       201     401         401            401            401
            """;

    enum Caller { VIEWER, DEVELOPER, MAINTAINER, ADMIN, NO_TOKEN, EXPIRED_LOGIN, REVOKED_TOKEN, FORGED_TOKEN }

    /** What a call works on: a project with dev one deployment ahead of its import, and the environments. */
    record Target(String project, long deployment, String unprotected, String next, String protectedEnv) {}

    enum Endpoint {
        whoami(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/whoami", token);
            }
        },
        environments(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/environments", token);
            }
        },
        projects(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/projects", token);
            }
        },
        project(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/projects/" + t.project(), token);
            }
        },
        history(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/projects/" + t.project() + "/history", token);
            }
        },
        deployment(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/deployments/" + t.deployment(), token);
            }
        },
        import_(true) {
            HttpResponse<String> call(Api api, Target t, String token) {
                String name = "matrix-new-" + UUID.randomUUID().toString().substring(0, 8);
                return api.post("/api/v1/projects", token, "{\"name\":\"" + name
                        + "\",\"imageRepository\":\"ghcr.io/acme/" + name + "\",\"imageTag\":\"1.0.0\"}");
            }
        },
        deploy_unprotected(true) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return deploy(api, t.project(), t.unprotected(), token);
            }
        },
        deploy_protected(true) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return deploy(api, t.project(), t.protectedEnv(), token);
            }
        },
        promote(true) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/promote", token, "{\"project\":\"" + t.project() + "\",\"from\":\""
                        + t.unprotected() + "\",\"to\":\"" + t.next() + "\"}");
            }
        },
        rollback(true) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/rollback", token, "{\"project\":\"" + t.project() + "\",\"environment\":\""
                        + t.unprotected() + "\"}");
            }
        },
        /** Allowed, but the last deployment there did not fail: refused, nothing changes. */
        retry(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/retry", token, "{\"project\":\"" + t.project() + "\",\"environment\":\""
                        + t.unprotected() + "\"}");
            }
        },
        remove(true) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.delete("/api/v1/projects/" + t.project() + "?confirm=" + t.project(), token);
            }
        },
        audit(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/audit?limit=10", token);
            }
        },
        /** An admin may, but the database has projects: refused, and nothing changes. */
        recover(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/admin/recover", token, null);
            }
        },
        argocd_state(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/admin/argocd", token);
            }
        },
        /** An admin may, but the project is configured in Plate: refused, and nothing changes. */
        argocd_removal(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/admin/argocd/removals", token, "{\"projects\":[\"" + t.project() + "\"]}");
            }
        },
        tokens(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/tokens", token);
            }
        },
        tokens_of_everyone(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/tokens?all=true", token);
            }
        },
        /** Anyone signed in may make themselves a token (no commit: tokens are not in Git). */
        token_create(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/tokens", token, "{\"name\":\"matrix\",\"days\":1}");
            }
        },
        users(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.get("/api/v1/users", token);
            }
        },
        user_create(false) {
            HttpResponse<String> call(Api api, Target t, String token) {
                return api.post("/api/v1/users", token, "{\"username\":\"m" + Long.toString(System.nanoTime(), 36)
                        + "\",\"role\":\"VIEWER\"}");
            }
        };

        final boolean writes;

        Endpoint(boolean writes) {
            this.writes = writes;
        }

        abstract HttpResponse<String> call(Api api, Target target, String token);

        static Endpoint named(String name) {
            return name.equals("import") ? import_ : valueOf(name);
        }

        @Override
        public String toString() {
            return this == import_ ? "import" : name();
        }

        private static HttpResponse<String> deploy(Api api, String project, String env, String token) {
            return api.post("/api/v1/deploy", token, "{\"project\":\"" + project + "\",\"environment\":\"" + env
                    + "\",\"imageTag\":\"2.0.0\"}");
        }
    }

    static Stream<Arguments> matrix() {
        return dev.plate.support.AccessMatrix.cases(MATRIX, Endpoint::named, Caller::valueOf);
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens accessTokens;
    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentService environments;
    @Autowired
    ConfigRepository repository;
    @Autowired
    Settings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    /** Shared by the calls that read or are refused; a call expected to write gets a project of its own. */
    static Target shared;
    Api api;

    @BeforeEach
    void callersAndAProject() {
        api = new Api(port);
        if (tokens.isEmpty()) {
            for (Role role : List.of(Role.VIEWER, Role.DEVELOPER, Role.MAINTAINER)) {
                var account = Api.newAccount(users, securityContext, "matrix", role);
                tokens.put(Caller.valueOf(role.name()), api.login(account.username(), account.password()));
            }
            tokens.put(Caller.ADMIN, api.login("admin", PlateTest.ADMIN_PASSWORD));
            byte[] key = Api.signingKey(settings);
            tokens.put(Caller.EXPIRED_LOGIN, resign(key, tokens.get(Caller.MAINTAINER),
                    claims -> claims.expirationTime(Api.inSeconds(-60))));
            SignIn.as(securityContext, "admin", Role.ADMIN);
            var revoked = accessTokens.create("matrix-revoked", 1);
            accessTokens.revoke(revoked.summary().id());
            tokens.put(Caller.REVOKED_TOKEN, revoked.token());
            byte[] otherKey = new byte[32];
            new SecureRandom().nextBytes(otherKey);
            tokens.put(Caller.FORGED_TOKEN, resign(otherKey, tokens.get(Caller.ADMIN), claims -> claims));
            shared = newTarget();
        }
        securityContext.clearContext();
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void each_caller_may_do_what_its_role_allows_and_nothing_else(Endpoint endpoint, Caller caller, int expected) {
        Target target = endpoint.writes && expected < 300 ? newTarget() : shared;
        String head = repository.head();
        long deploymentRows = count("deployment");
        long projects = count("project");

        var response = endpoint.call(api, target, tokens.get(caller));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(repository.head()).as("a refused call commits nothing").isEqualTo(head);
            assertThat(count("deployment")).as("a refused call records nothing").isEqualTo(deploymentRows);
            assertThat(count("project")).isEqualTo(projects);
        } else if (endpoint.writes) {
            assertThat(repository.head()).as("an allowed write commits").isNotEqualTo(head);
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
    }

    private Target newTarget() {
        String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        var order = environments.list();
        assertThat(order.get(0).protectedEnvironment()).as("the first environment is open to developers").isFalse();
        String first = order.get(0).name();
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080,
                    "/healthz", List.of()), "1.0.0"));
            long deployment = deployments.deploy(DeployRequest.image(name, first, "1.1.0")).id();
            return new Target(name, deployment, first, order.get(1).name(), order.stream()
                    .filter(EnvironmentSummary::protectedEnvironment).map(EnvironmentSummary::name).findFirst()
                    .orElseThrow(() -> new AssertionError("no protected environment: " + order)));
        } finally {
            securityContext.clearContext();
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
