package dev.plate.api;

import static dev.plate.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Input the API must refuse, sent by a maintainer (so no refusal is about the role): every one is a 4xx problem
 * document whose detail says what to change (naming the field where there is one), never a 500, and nothing is
 * committed or stored. ApiV1Test has a few more: malformed, non-object and oversize bodies, unknown fields and
 * wrong types on deploy, invalid or YAML-laden image tags, unknown project and environment, a deployment id
 * that is not a number.
 */
@PlateTest
class ApiBadInputTest {

    /** Imported once; the cases below change nothing, so they share it. */
    static final String PROJECT = "bad-input-" + UUID.randomUUID().toString().substring(0, 6);
    static final String TOO_LONG = "a".repeat(54);

    @LocalServerPort
    int port;
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

    static String maintainer;
    Api api;

    @BeforeEach
    void aProjectAndAMaintainer() {
        api = new Api(port);
        if (maintainer == null) {
            var account = Api.newAccount(users, securityContext, "badinput", Role.MAINTAINER);
            maintainer = api.login(account.username(), account.password());
            SignIn.as(securityContext, "admin", Role.ADMIN);
            deployments.importProject(new ImportRequest(new NewProject(PROJECT, null, "ghcr.io/acme/web", 8080,
                    "/healthz", List.of()), "1.0.0"));
            deployments.deploy(DeployRequest.image(PROJECT, "dev", "1.1.0"));
            securityContext.clearContext();
        }
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", value = {
        // case                          | request                      | body                                                                      | status | field            | the detail says
        "import: uppercase name          | POST /api/v1/projects        | {\"name\":\"WebApp\",\"imageRepository\":\"ghcr.io/acme/web\"}          | 400 | name              | lowercase letters",
        "import: name too long           | POST /api/v1/projects        | {\"name\":\"TOO_LONG\",\"imageRepository\":\"ghcr.io/acme/web\"}        | 400 | name              | 1-53 characters",
        "import: name with a leading dash | POST /api/v1/projects       | {\"name\":\"-web\",\"imageRepository\":\"ghcr.io/acme/web\"}            | 400 | name              | starting with a letter",
        "import: name as a path          | POST /api/v1/projects        | {\"name\":\"../x\",\"imageRepository\":\"ghcr.io/acme/web\"}            | 400 | name              | '../x' is not valid",
        "import: Argo CD's own project   | POST /api/v1/projects        | {\"name\":\"default\",\"imageRepository\":\"ghcr.io/acme/web\"}         | 400 | name              | choose another name",
        "import: no name                 | POST /api/v1/projects        | {\"imageRepository\":\"ghcr.io/acme/web\"}                              | 400 | name              | Name is required",
        "import: a name already taken    | POST /api/v1/projects        | {\"name\":\"PROJECT\",\"imageRepository\":\"ghcr.io/acme/web\"}         | 409 | name              | already exists",
        "import: image with a tag        | POST /api/v1/projects        | {\"name\":\"fresh-a\",\"imageRepository\":\"ghcr.io/acme/web:1.0\"}     | 400 | imageRepository   | without tag",
        "import: image with a scheme     | POST /api/v1/projects        | {\"name\":\"fresh-b\",\"imageRepository\":\"https://ghcr.io/acme/web\"} | 400 | imageRepository   | such as ghcr.io/acme/web",
        "import: no image                | POST /api/v1/projects        | {\"name\":\"fresh-c\"}                                                  | 400 | imageRepository   | is required",
        "import: invalid image tag       | POST /api/v1/projects        | {\"name\":\"fresh-d\",\"imageRepository\":\"ghcr.io/a/b\",\"imageTag\":\"-rc1\"} | 400 | imageTag | not starting with '.' or '-'",
        "import: port 0                  | POST /api/v1/projects        | {\"name\":\"fresh-e\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":0}     | 400 | containerPort | between 1 and 65535",
        "import: port 70000              | POST /api/v1/projects        | {\"name\":\"fresh-f\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":70000} | 400 | containerPort | between 1 and 65535",
        "import: port abc                | POST /api/v1/projects        | {\"name\":\"fresh-g\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":\"abc\"} | 400 | containerPort | abc",
        "import: port as an object       | POST /api/v1/projects        | {\"name\":\"fresh-h\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":{\"n\":1}} | 400 | containerPort | containerPort must be a whole number",
        "import: port 80.5               | POST /api/v1/projects        | {\"name\":\"fresh-n\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":80.5} | 400 | containerPort | containerPort must be a whole number",
        "import: port of ten digits      | POST /api/v1/projects        | {\"name\":\"fresh-q\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":3000000000} | 400 | containerPort | (at containerPort): Numeric value (3000000000) out of range",
        "import: port as a string        | POST /api/v1/projects        | {\"name\":\"fresh-o\",\"imageRepository\":\"ghcr.io/a/b\",\"containerPort\":\"8080\"} | 400 | containerPort | containerPort must be a whole number",
        "import: image tag as a number   | POST /api/v1/projects        | {\"name\":\"fresh-p\",\"imageRepository\":\"ghcr.io/a/b\",\"imageTag\":123} | 400 | imageTag | imageTag must be text",
        "import: body as a list          | POST /api/v1/projects        | [\"fresh-q\"]                                                          | 400 | -                 | The body must be an object",
        "import: health path without /   | POST /api/v1/projects        | {\"name\":\"fresh-i\",\"imageRepository\":\"ghcr.io/a/b\",\"healthPath\":\"healthz\"} | 400 | healthPath | starting with '/'",
        "import: credentials in the source URL | POST /api/v1/projects  | {\"name\":\"fresh-j\",\"imageRepository\":\"ghcr.io/a/b\",\"sourceRepoUrl\":\"https://me:pw@github.com/a/b\"} | 400 | sourceRepoUrl | https://host/org/repo",
        "import: owners as one string    | POST /api/v1/projects        | {\"name\":\"fresh-k\",\"imageRepository\":\"ghcr.io/a/b\",\"owners\":\"team-a\"} | 400 | owners | owners must be a list (a JSON array)",
        "import: owner with spaces       | POST /api/v1/projects        | {\"name\":\"fresh-l\",\"imageRepository\":\"ghcr.io/a/b\",\"owners\":[\"Team A\"]} | 400 | owners | lowercase letters",
        "import: unknown field           | POST /api/v1/projects        | {\"name\":\"fresh-m\",\"imageRepository\":\"ghcr.io/a/b\",\"replicas\":2}  | 400 | replicas | 'replicas' is not a field of this request; it takes containerPort,",
        "import: empty body              | POST /api/v1/projects        | ``                                                                       | 400 | -                 | The body is missing (or null): send a JSON object",
        "import: JSON null               | POST /api/v1/projects        | null                                                                     | 400 | -                 | The body is missing (or null): send a JSON object",
        "deploy: no project              | POST /api/v1/deploy          | {\"environment\":\"dev\",\"imageTag\":\"1.2.0\"}                        | 400 | project           | Name the project",
        "deploy: no environment          | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"imageTag\":\"1.2.0\"}                        | 400 | environment       | Name the environment",
        "deploy: project as a path       | POST /api/v1/deploy          | {\"project\":\"../x\",\"environment\":\"dev\",\"imageTag\":\"1.2.0\"}  | 404 | -                 | There is no project named '../x'",
        "deploy: empty image tag         | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"imageTag\":\"\"}    | 400 | imageTag          | leave it out",
        "deploy: the tag already running | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"imageTag\":\"1.1.0\"} | 400 | imageTag         | nothing to change",
        "deploy: set as an array         | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":[\"replicas=3\"]} | 400 | set            | set must be an object",
        "deploy: a set value as an object | POST /api/v1/deploy         | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replicas\":{\"n\":3}}} | 400 | set.replicas | set.replicas must be text",
        "deploy: a set value as a number | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replicas\":3}} | 400 | set.replicas | set.replicas must be text (a JSON string)",
        "deploy: unset as one string     | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"unset\":\"replicas\"} | 400 | unset           | unset must be a list",
        "deploy: a set value null        | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replicas\":null}} | 400 | set        | KEY=VALUE",
        "deploy: unset null              | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"unset\":[null]}    | 400 | unset             | Name the value to unset",
        "deploy: set an unknown key      | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replica\":\"3\"}} | 400 | set.replica   | Settable: replicas",
        "deploy: set the image tag       | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"imageTag\":\"2\"}} | 400 | set.imageTag  | its own option",
        "deploy: replicas three          | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replicas\":\"three\"}} | 400 | set.replicas | whole number",
        "deploy: replicas 1000           | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replicas\":\"1000\"}} | 400 | replicas | between 0 and 100",
        "deploy: ingress.enabled yes     | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"ingress.enabled\":\"yes\"}} | 400 | set.ingress.enabled | true or false",
        "deploy: ingress without a host  | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"ingress.enabled\":\"true\"}} | 400 | ingress.host | is required",
        "deploy: invalid ingress host    | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"ingress.enabled\":\"true\",\"ingress.host\":\"https://Web.example.com/x\"}} | 400 | ingress.host | without scheme, port or path",
        "deploy: env var 1BAD            | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"env.1BAD\":\"x\"}} | 400 | env            | not starting with a digit",
        "deploy: env without a name      | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"env.\":\"x\"}}   | 400 | set.env.       | e.g. env.LOG_LEVEL",
        "deploy: secretEnv without a key | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"secretEnv.DB\":\"creds\"}} | 400 | set.secretEnv.DB | <secret>:<key>",
        "deploy: cpu limit lots          | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"resources.limits.cpu\":\"lots\"}} | 400 | set.resources.limits.cpu | CPU quantity such as 250m",
        "deploy: request above the limit | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"resources.requests.memory\":\"2Gi\"}} | 400 | set.resources.requests.memory | above the memory limit",
        "deploy: a reserved label        | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"labels.app.kubernetes.io/name\":\"x\"}} | 400 | labels.app.kubernetes.io/name | reserved",
        "deploy: autoscaling max below min | POST /api/v1/deploy        | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"autoscaling.enabled\":\"true\",\"autoscaling.minReplicas\":\"5\",\"autoscaling.maxReplicas\":\"2\"}} | 400 | autoscaling.maxReplicas | Autoscaling.maxReplicas (2) must not be below autoscaling.minReplicas (5): set both.",
        "deploy: CPU target 500%, off    | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"autoscaling.targetCPUPercent\":\"500\"}} | 400 | set.autoscaling.targetCPUPercent | autoscaling.targetCPUPercent must be between 1 and 100 (was 500).",
        "deploy: probe path without /    | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"probes.path\":\"healthz\"}} | 400 | probes.path | starting with '/'",
        "deploy: unset a probe           | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"unset\":[\"probes.path\"]} | 400 | unset.probes.path | probes.readiness=false",
        "deploy: unset what is not set   | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"unset\":[\"env.NOPE\"]} | 400 | unset.env.NOPE | is not set",
        "deploy: set and unset one key   | POST /api/v1/deploy          | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"set\":{\"replicas\":\"2\"},\"unset\":[\"replicas\"]} | 400 | unset.replicas | choose one",
        "deploy: as a form               | POST /api/v1/deploy          | form:project=x&environment=dev                                            | 415 | -                 | application/json",
        "promote: to an unknown environment | POST /api/v1/promote      | {\"project\":\"PROJECT\",\"from\":\"dev\",\"to\":\"qa\"}                | 404 | -                 | There is no environment named 'qa'",
        "promote: includeConfig maybe    | POST /api/v1/promote         | {\"project\":\"PROJECT\",\"from\":\"dev\",\"to\":\"staging\",\"includeConfig\":\"maybe\"} | 400 | includeConfig | includeConfig must be true or false",
        "promote: includeConfig as text  | POST /api/v1/promote         | {\"project\":\"PROJECT\",\"from\":\"dev\",\"to\":\"staging\",\"includeConfig\":\"true\"} | 400 | includeConfig | includeConfig must be true or false",
        "promote: no from                | POST /api/v1/promote         | {\"project\":\"PROJECT\",\"to\":\"staging\"}                            | 400 | from              | Name the environment",
        "rollback: deployment abc        | POST /api/v1/rollback        | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"toDeployment\":\"abc\"} | 400 | toDeployment    | abc",
        "rollback: a deployment not of this project | POST /api/v1/rollback | {\"project\":\"PROJECT\",\"environment\":\"dev\",\"toDeployment\":-1} | 404 | -            | is not a deployment of",
        "history: an unknown environment | GET /api/v1/projects/PROJECT/history?environment=qa | -                                             | 404 | -                 | There is no environment named 'qa'",
        "remove: the wrong confirmation  | DELETE /api/v1/projects/PROJECT?confirm=other | -                                                    | 400 | confirmation      | Type the project's name",
        "an endpoint that does not exist | GET /api/v1/deploymentz      | -                                                                         | 404 | -                 | There is no endpoint /api/v1/deploymentz",
        "a method the endpoint lacks     | PUT /api/v1/deploy           | {}                                                                        | 405 | -                 | PUT is not supported here; use [POST].",
    })
    void bad_input_is_a_4xx_problem_that_says_what_to_change_and_writes_nothing(String name, String request,
            String body, int status, String field, String detail) {
        String head = repository.head();
        long deploymentRows = count("deployment");
        long projects = count("project");
        String[] methodAndPath = request.strip().split(" ", 2);
        String content = body == null ? null : body.strip().replace("PROJECT", PROJECT).replace("TOO_LONG", TOO_LONG);
        boolean form = content != null && content.startsWith("form:");
        String type = content == null ? null : form ? "application/x-www-form-urlencoded" : "application/json";

        var response = api.send(methodAndPath[0], methodAndPath[1].replace("PROJECT", PROJECT), maintainer, type,
                form ? content.substring(5) : content);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                .startsWith("application/problem+json");
        var problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).doesNotContain(Api.UNFORESEEN).contains(detail.strip())
                .as("no Java in a message for people").doesNotContain("java.", "dev.plate", "class ");
        if (field != null) {
            assertThat(problem.path("field").asString()).isEqualTo(field.strip());
        }
        assertThat(repository.head()).as("nothing committed").isEqualTo(head);
        assertThat(count("deployment")).as("no deployment recorded").isEqualTo(deploymentRows);
        assertThat(count("project")).as("no project stored").isEqualTo(projects);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
