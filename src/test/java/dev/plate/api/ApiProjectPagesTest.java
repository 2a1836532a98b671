package dev.plate.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

/** The project list comes in pages, filtered by name or owner, with the total and the next page's address. */
@PlateTest
class ApiProjectPagesTest {

    static final String PREFIX = "paged-" + UUID.randomUUID().toString().substring(0, 6);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DeploymentService deployments;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    Api api;
    static String viewer;

    @BeforeEach
    void fiveProjectsAndAViewer() {
        api = new Api(port);
        if (viewer == null) {
            SignIn.as(securityContext, "admin", Role.ADMIN);
            for (int i = 1; i <= 5; i++) {
                deployments.importProject(new ImportRequest(new NewProject(PREFIX + "-" + i, null,
                        "ghcr.io/acme/web", 8080, "/", List.of(i == 3 ? "team-" + PREFIX : "others")), "1.0.0"));
            }
            securityContext.clearContext();
            var account = Api.newAccount(users, securityContext, "pages", Role.VIEWER);
            viewer = api.login(account.username(), account.password());
        }
    }

    @Test
    void pages_follow_the_link_until_every_project_is_read_once() {
        var names = new ArrayList<String>();
        String next = "/api/v1/projects?q=" + PREFIX + "&size=2";
        int pages = 0;
        while (next != null) {
            var response = api.get(next, viewer);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Total-Count")).hasValue("5");
            JSON.readTree(response.body()).forEach(project -> names.add(project.path("name").asString()));
            next = response.headers().firstValue("Link").map(link -> link.substring(link.indexOf("/api/"),
                    link.indexOf('>'))).orElse(null);
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly(PREFIX + "-1", PREFIX + "-2", PREFIX + "-3", PREFIX + "-4", PREFIX + "-5");
    }

    @Test
    void an_owner_filters_the_list() {
        var response = api.get("/api/v1/projects?q=team-" + PREFIX, viewer);

        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("1");
        assertThat(JSON.readTree(response.body()).get(0).path("name").asString()).isEqualTo(PREFIX + "-3");
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    /** Asked without page or size, the whole list, as before paging: an older client is never cut short. */
    @Test
    void without_page_or_size_every_project_comes_at_once() {
        var response = api.get("/api/v1/projects?q=" + PREFIX, viewer);

        assertThat(JSON.readTree(response.body())).hasSize(5);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("5");
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"page=0, page, counts from 1", "size=0, size, between 1 and 500", "size=501, size, between 1 and 500",
            "page=abc, page, 'abc'"})
    void a_page_out_of_range_is_a_400_naming_the_parameter(String query, String field, String detail) {
        var response = api.get("/api/v1/projects?" + query, viewer);

        assertThat(response.statusCode()).isEqualTo(400);
        var problem = JSON.readTree(response.body());
        assertThat(problem.path("field").asString()).isEqualTo(field);
        assertThat(problem.path("detail").asString()).contains(detail);
    }
}
