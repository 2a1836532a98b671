package dev.plate.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A name in a path that the server refuses before any endpoint sees it (an encoded slash, backslash or NUL, a
 * semicolon, a percent sign, an encoded "..") is still the API's problem document, naming what to change: the CLI
 * then shows the reason instead of blaming "not Plate's API", and a script can parse it.
 */
@PlateTest
class ApiOddPathsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    Api api;
    static String viewer;

    @BeforeEach
    void aViewer() {
        api = new Api(port);
        if (viewer == null) {
            var account = Api.newAccount(users, securityContext, "oddpaths", Role.VIEWER);
            viewer = api.login(account.username(), account.password());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%2fb", "a%5Cb", "a%00b", "a;b", "a%3Bb", "a%25b", "%2e%2e", "a%2F..%2Fb",
            "%2E%2E%2Fetc"})
    void a_refused_path_is_a_problem_document(String name) {
        var response = api.send("GET", "/api/v1/projects/" + name, viewer, null, null);

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                .startsWith("application/problem+json");
        assertThat(response.body()).contains("\"detail\"").doesNotContain("<html", "java.", "Exception");
    }

    /** Outside the API the server's own error page stays, and says nothing of the server or its exceptions. */
    @ParameterizedTest
    @ValueSource(strings = {"/a%2Fb", "/git/x%5Cy", "/projects/a%00b"})
    void a_refused_page_path_names_no_server_version(String path) {
        var response = api.send("GET", path, null, null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Tomcat", "Exception", "java.");
    }
}
