package dev.plate.api;

import static dev.plate.api.Api.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.SignIn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** {@code GET /api/v1/projects?status=}: the projects with an Application in that state, as Argo CD reports it. */
@ArgoCdTest
class ApiStatusFilterTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ApplicationStatuses statuses;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void the_list_filters_by_an_applications_state_and_pages_through_what_it_keeps() {
        String prefix = "state-" + UUID.randomUUID().toString().substring(0, 6);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        for (String suffix : List.of("bad", "ok1", "ok2")) {
            deployments.importProject(new ImportRequest(new NewProject(prefix + "-" + suffix, null, "ghcr.io/acme/x",
                    8080, "/", List.of()), "1.0.0"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.application(prefix + "-ok2-dev") != null);
        cluster.degraded(prefix + "-bad-dev", commit(prefix + "-bad"), "Back-off pulling image");
        cluster.healthy(prefix + "-ok1-dev", commit(prefix + "-ok1"));
        cluster.healthy(prefix + "-ok2-dev", commit(prefix + "-ok2"));
        securityContext.clearContext();
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.of(prefix + "-bad", "dev")
                .filter(status -> status.degraded()).isPresent() && statuses.of(prefix + "-ok2", "dev")
                .filter(status -> "Healthy".equals(status.health())).isPresent());
        var api = new Api(port);
        var account = Api.newAccount(users, securityContext, "states", Role.VIEWER);
        String viewer = api.login(account.username(), account.password());

        var degraded = api.get("/api/v1/projects?q=" + prefix + "&status=degraded", viewer);
        assertThat(degraded.statusCode()).as(degraded.body()).isEqualTo(200);
        assertThat(names(degraded.body())).containsExactly(prefix + "-bad");
        assertThat(degraded.headers().firstValue("X-Total-Count")).hasValue("1");

        var healthy = api.get("/api/v1/projects?q=" + prefix + "&status=HEALTHY&size=1", viewer);
        assertThat(names(healthy.body())).containsExactly(prefix + "-ok1");
        assertThat(healthy.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(healthy.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("page=2", "status=HEALTHY", "rel=\"next\""));
        var second = api.get("/api/v1/projects?q=" + prefix + "&status=healthy&size=1&page=2", viewer);
        assertThat(names(second.body())).containsExactly(prefix + "-ok2");
        assertThat(second.headers().firstValue("Link")).isEmpty();

        var unknown = api.get("/api/v1/projects?status=on-fire", viewer);
        assertThat(unknown.statusCode()).isEqualTo(400);
        var problem = JSON.readTree(unknown.body());
        assertThat(problem.path("field").asString()).isEqualTo("status");
        assertThat(problem.path("detail").asString()).contains("'on-fire'", "healthy", "out-of-sync", "suspended");
    }

    private String commit(String project) {
        return deployments.history(project, "dev").getFirst().toRevision();
    }

    private static List<String> names(String body) {
        return StreamSupport.stream(JSON.readTree(body).spliterator(), false)
                .map(project -> project.path("name").asString()).toList();
    }
}
