package dev.plate.api;

import static dev.plate.api.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.PlateTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The API's description, read as anyone may read it: it documents every endpoint of the API's controllers (found from the
 * controller's own annotations, so an endpoint added without documentation fails here), how to authenticate,
 * and opening it opens nothing else.
 */
@PlateTest
class OpenApiTest {

    static final String CONTROLLERS = "dev.plate.api";

    record Endpoint(String method, String path) {

        /** The path with each {variable} filled in, to call it. */
        String example() {
            return path.replaceAll("\\{[^}]+}", "1");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /**
     * Every method and path the API's controllers map, from their @RequestMapping annotations (@GetMapping and
     * friends merged).
     */
    static List<Endpoint> endpointsOfApiV1() throws ClassNotFoundException {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                org.springframework.web.bind.annotation.RestController.class));
        var endpoints = new ArrayList<Endpoint>();
        for (var candidate : scanner.findCandidateComponents(CONTROLLERS)) {
            endpoints.addAll(endpointsOf(Class.forName(candidate.getBeanClassName())));
        }
        return endpoints;
    }

    private static List<Endpoint> endpointsOf(Class<?> controller) {
        var root = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
        assertThat(root).as(controller + " has a @RequestMapping").isNotNull();
        var endpoints = new ArrayList<Endpoint>();
        for (Method handler : controller.getDeclaredMethods()) {
            var mapping = AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
            if (mapping == null) {
                continue;
            }
            String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
            assertThat(mapping.method()).as(handler + " names its HTTP method").isNotEmpty();
            for (String base : root.path()) {
                for (String path : paths) {
                    for (RequestMethod method : mapping.method()) {
                        endpoints.add(new Endpoint(method.name(), base + path));
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    void the_description_documents_every_endpoint_of_the_controller_and_no_other() throws Exception {
        var endpoints = endpointsOfApiV1();
        assertThat(endpoints).as("the reflection found the endpoints").hasSizeGreaterThanOrEqualTo(12)
                .contains(new Endpoint("POST", "/api/v1/login"), new Endpoint("DELETE", "/api/v1/projects/{name}"));

        var response = api.get("/api/v1/openapi", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var description = json(response);
        assertThat(description.path("openapi").asString()).startsWith("3.");
        var paths = description.path("paths");
        for (var endpoint : endpoints) {
            var operation = paths.path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as(endpoint + " is described").isTrue();
            assertThat(operation.path("summary").asString()).as(endpoint + " has a summary (@Operation)").isNotBlank();
        }
        var described = new TreeSet<String>();
        paths.properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(described).as("nothing described that the controller does not serve")
                .isEqualTo(new TreeSet<>(endpoints.stream().map(Endpoint::toString).toList()));
    }

    /** What a client calls before it has a token: the password login, and the browser and device sign-ins. */
    static final java.util.Set<String> OPEN = java.util.Set.of("/api/v1/login", "/api/v1/login/code",
            "/api/v1/login/device", "/api/v1/login/device/token");

    @Test
    void the_description_says_how_to_authenticate_and_that_login_needs_nothing() {
        var description = json(api.get("/api/v1/openapi", null));

        var bearer = description.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.path("description").asString()).contains("/api/v1/login", "plate_");
        assertThat(description.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        for (String open : OPEN) {
            var login = description.path("paths").path(open).path("post");
            assertThat(login.path("security").isArray()).as(open + " overrides the global requirement").isTrue();
            assertThat(login.path("security").isEmpty()).as("with none").isTrue();
        }
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!OPEN.contains(path.getKey())) {
                assertThat(operation.getValue().has("security")).as(path.getKey() + " keeps the bearer requirement")
                        .isFalse();
            }
        }));
    }

    @Test
    void the_description_is_also_served_as_yaml() {
        var response = api.get("/api/v1/openapi.yaml", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("openapi: 3.").contains("/api/v1/deploy:");
    }

    @Test
    void swagger_ui_opens_anonymously_and_reads_the_description() {
        var docs = api.get("/api/docs", null);
        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location").orElse("")).endsWith("/api/swagger-ui/index.html");

        var page = api.get("/api/swagger-ui/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        var config = api.get("/api/v1/openapi/swagger-config", null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json(config).path("url").asString()).isEqualTo("/api/v1/openapi");
        assertThat(api.get("/api/swagger-ui/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void every_other_endpoint_still_needs_a_token() throws Exception {
        for (var endpoint : endpointsOfApiV1()) {
            if (OPEN.contains(endpoint.path())) {
                continue;
            }
            boolean withBody = endpoint.method().equals("POST");
            var response = api.send(endpoint.method(), endpoint.example(), null, withBody ? "application/json" : null,
                    withBody ? "{}" : null);

            assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
            assertThat(json(response).path("detail").asString()).contains("plate login");
        }
        assertThat(api.post("/api/v1/openapi", null, "{}").statusCode()).as("only reading the description is open")
                .isEqualTo(401);
    }
}
