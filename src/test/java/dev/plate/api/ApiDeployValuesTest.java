package dev.plate.api;

import static dev.plate.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.base.OrderedYaml;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/**
 * {@code POST /api/v1/deploy} with {@code set} and {@code unset}, over HTTP with a developer's login token: what
 * reaches {@code applications/<app>/dev/values.yaml}, and that a refused change writes nothing.
 */
@PlateTest
class ApiDeployValuesTest {

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

    static String developerToken;
    Api api;
    String project;

    @BeforeEach
    void aFreshProjectAndADeveloper() {
        api = new Api(port);
        if (developerToken == null) {
            var developer = Api.newAccount(users, securityContext, "values", Role.DEVELOPER);
            developerToken = api.login(developer.username(), developer.password());
        }
        project = "values-" + UUID.randomUUID().toString().substring(0, 8);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                "/healthz", List.of()), "1.0.0"));
        securityContext.clearContext();
    }

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void set_values_reach_the_values_file_literally_in_one_commit() {
        var set = new LinkedHashMap<String, String>();
        set.put("replicas", "3");
        set.put("env.TEMPLATE", "{{ .Values.secret }}");
        set.put("env.MULTILINE", "line one\nline two");
        set.put("env.COLON", "a: b");
        set.put("env.COMMENT", "# c");
        set.put("env.QUOTES", "'\"`$(id)`");
        set.put("secretEnv.DB_PASSWORD", "db-credentials:password");
        set.put("resources.limits.cpu", "500m");
        set.put("labels.team", "payments");
        set.put("annotations.example.com/note", "{{ include \"x\" . }}: y");
        String before = repository.head();

        var response = deploy(Map.of("set", set));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var deployment = json(response);
        assertThat(deployment.path("kind").asString()).isEqualTo("DEPLOY");
        assertThat(deployment.path("imageTag").asString()).as("the image stays").isEqualTo("1.0.0");
        assertThat(deployment.path("commit").asString()).isEqualTo(repository.head()).isNotEqualTo(before);
        assertThat(fromRevision(deployment)).as("one commit on top of the previous head").isEqualTo(before);
        var values = values();
        assertThat(values.path("replicaCount").asInt()).isEqualTo(3);
        assertThat(values.path("image").path("tag").asString()).isEqualTo("1.0.0");
        assertThat(values.path("env").path("TEMPLATE").asString()).isEqualTo("{{ .Values.secret }}");
        assertThat(values.path("env").path("MULTILINE").asString()).isEqualTo("line one\nline two");
        assertThat(values.path("env").path("COLON").asString()).isEqualTo("a: b");
        assertThat(values.path("env").path("COMMENT").asString()).isEqualTo("# c");
        assertThat(values.path("env").path("QUOTES").asString()).isEqualTo("'\"`$(id)`");
        assertThat(values.path("secretEnv").get(0).path("secretName").asString()).isEqualTo("db-credentials");
        assertThat(values.path("secretEnv").get(0).path("key").asString()).isEqualTo("password");
        assertThat(values.path("resources").path("limits").path("cpu").asString()).isEqualTo("500m");
        assertThat(values.path("extraLabels").path("team").asString()).isEqualTo("payments");
        assertThat(values.path("extraAnnotations").path("example.com/note").asString())
                .isEqualTo("{{ include \"x\" . }}: y");
        assertThat(valuesText()).as("Helm syntax only ever inside a quoted string")
                .contains("\"{{ .Values.secret }}\"").doesNotContain("\n{{");
    }

    @Test
    void unset_removes_entries_and_returns_values_to_their_defaults() {
        deploy(Map.of("set", Map.of("replicas", "4", "env.A", "1", "env.B", "2", "labels.team", "web",
                "ingress.enabled", "true", "ingress.host", "web.example.com")));

        var response = deploy(Map.of("unset", List.of("replicas", "env.A", "labels.team", "ingress.enabled",
                "ingress.host")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var values = values();
        assertThat(values.path("replicaCount").asInt()).isEqualTo(1);
        assertThat(values.path("env").propertyNames()).containsExactly("B");
        assertThat(values.path("extraLabels").isEmpty()).isTrue();
        assertThat(values.path("ingress").path("enabled").asBoolean()).isFalse();
        assertThat(values.path("ingress").path("host").asString()).isEmpty();
    }

    @Test
    void an_image_tag_and_value_changes_go_in_the_same_commit() {
        String before = repository.head();
        long rows = deploymentRows();

        var response = deploy(Map.of("imageTag", "2.0.0", "set", Map.of("replicas", "2")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(fromRevision(json(response))).isEqualTo(before);
        assertThat(deploymentRows()).isEqualTo(rows + 1);
        assertThat(values().path("image").path("tag").asString()).isEqualTo("2.0.0");
        assertThat(values().path("replicaCount").asInt()).isEqualTo(2);
    }

    @Test
    void value_changes_keep_the_image_deployed_before_them() {
        deploy(Map.of("imageTag", "1.5.0"));

        deploy(Map.of("set", Map.of("env.LOG_LEVEL", "debug")));

        assertThat(values().path("image").path("tag").asString()).isEqualTo("1.5.0");
        assertThat(values().path("env").path("LOG_LEVEL").asString()).isEqualTo("debug");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key          | {\"set\":{\"replica\":\"3\"}}                         | set.replica",
        "not a number         | {\"set\":{\"replicas\":\"three\"}}                    | set.replicas",
        "outside the rules    | {\"set\":{\"replicas\":\"1000\"}}                     | replicas",
        "refused by the rules after other valid changes | {\"set\":{\"env.OK\":\"1\",\"env.1BAD\":\"x\"}} | env",
        "set and unset        | {\"set\":{\"replicas\":\"2\"},\"unset\":[\"replicas\"]} | unset.replicas",
        "unset what is not set | {\"unset\":[\"env.NOT_SET\"]}                        | unset.env.NOT_SET",
        "a change to the same | {\"set\":{\"replicas\":\"1\"}}                        | imageTag",
        "with a valid image tag | {\"imageTag\":\"3.0.0\",\"set\":{\"ingress.enabled\":\"true\"}} | ingress.host",
    })
    void refused_value_changes_commit_and_record_nothing(String name, String changes, String field) {
        String head = repository.head();
        long rows = deploymentRows();
        String config = configJson();
        String file = valuesText();

        var response = api.post("/api/v1/deploy", developerToken, "{\"project\":\"" + project
                + "\",\"environment\":\"dev\"," + changes.strip().substring(1));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("field").asString()).isEqualTo(field);
        assertThat(repository.head()).isEqualTo(head);
        assertThat(deploymentRows()).isEqualTo(rows);
        assertThat(configJson()).isEqualTo(config);
        assertThat(valuesText()).isEqualTo(file);
    }

    /**
     * Each change applies to the configuration as it is when its commit is made, not as it was when the request
     * arrived: value changes and an image deploy sent together must all be kept.
     */
    @Test
    void value_changes_sent_at_the_same_time_are_all_kept() throws Exception {
        int changes = 6;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < changes; i++) {
            Map<String, ?> body = Map.of("set", Map.of("env.VAR_" + i, "value-" + i));
            tasks.add(() -> {
                start.await();
                return deploy(body);
            });
        }
        tasks.add(() -> {
            start.await();
            return deploy(Map.of("imageTag", "9.9.9"));
        });
        var responses = new ArrayList<Future<HttpResponse<String>>>();
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            tasks.forEach(task -> responses.add(pool.submit(task)));
            start.countDown();
            for (var response : responses) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(201);
            }
        }

        var values = values();
        assertThat(values.path("image").path("tag").asString()).isEqualTo("9.9.9");
        for (int i = 0; i < changes; i++) {
            assertThat(values.path("env").path("VAR_" + i).asString()).as("VAR_" + i).isEqualTo("value-" + i);
        }
    }

    private HttpResponse<String> deploy(Map<String, ?> fields) {
        var body = new LinkedHashMap<String, Object>(Map.of("project", project, "environment", "dev"));
        body.putAll(fields);
        return api.post("/api/v1/deploy", developerToken, Api.JSON.writeValueAsString(body));
    }

    private JsonNode values() {
        return OrderedYaml.MAPPER.readTree(valuesText());
    }

    private String valuesText() {
        return new String(repository.read(RepoLayout.valuesFile(project, "dev")).orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private String fromRevision(JsonNode deployment) {
        return jdbc.queryForObject("select from_revision from deployment where id = ?", String.class,
                deployment.path("id").asLong());
    }

    private long deploymentRows() {
        return jdbc.queryForObject("select count(*) from deployment d join project p on p.id = d.project_id "
                + "where p.name = ?", Long.class, project);
    }

    private String configJson() {
        return jdbc.queryForObject("select c.config_json from app_config c join project p on p.id = c.project_id "
                + "join environment e on e.id = c.environment_id where p.name = ? and e.name = 'dev'", String.class,
                project);
    }
}
