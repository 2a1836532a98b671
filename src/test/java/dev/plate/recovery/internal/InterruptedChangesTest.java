package dev.plate.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.chart.AppConfig;
import dev.plate.chart.ValuesWriter;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentKind;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A process killed after its commit and before its database transaction leaves a commit nobody recorded. At the
 * next start the row adopts what Git says (Git is what Argo CD deploys), with a RECOVER deployment naming the commit;
 * an environment already in step is left alone.
 */
@PlateTest
class InterruptedChangesTest {

    @Autowired
    InterruptedChanges interrupted;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ProjectService projects;
    @Autowired
    ConfigRepository repository;
    @Autowired
    ValuesWriter values;
    @Autowired
    SecurityContextHolderStrategy securityContext;
    @Autowired
    StartupCheck startup;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_commit_without_a_record_is_recorded_at_start_up_and_nothing_else_changes() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String name = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        interrupted.reconcile(); // whatever other tests left, so the count below is this test's
        var project = projects.find(name).orElseThrow();
        AppConfig orphan = deployments.currentConfig(name, "dev").withImageTag("9.9.9");
        // What the killed deploy got as far as: its commit, and nothing in the database.
        var commit = repository.commit(ChangeSet.writing("deploy " + name + " to dev: image 9.9.9",
                new ChangeSet.Author("mia", "mia@example.com"),
                Map.of(RepoLayout.valuesFile(name, "dev"), values.write(project.chart(), orphan))));
        String headBefore = repository.head();

        assertThat(interrupted.reconcile()).isEqualTo(1);

        assertThat(deployments.currentConfig(name, "dev")).isEqualTo(orphan);
        assertThat(deployments.history(name, "dev").getFirst()).satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeploymentKind.RECOVER);
            assertThat(d.toRevision()).isEqualTo(commit.sha());
            assertThat(d.imageTag()).isEqualTo("9.9.9");
        });
        assertThat(deployments.currentConfig(name, "staging").imageTag()).isEqualTo("1.0.0");
        assertThat(repository.head()).as("Git is never rewritten to match the database").isEqualTo(headBefore);
        assertThat(interrupted.reconcile()).as("once recorded, in step").isZero();
    }

    /** The kill came after the commit (which names its deployment) and took the row with it: it comes back whole. */
    @Test
    void a_deployment_whose_row_a_crash_lost_comes_back_with_its_id_author_and_kind() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String name = "lostrow-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        interrupted.reconcile();
        var project = projects.find(name).orElseThrow();
        long lostId = jdbc.queryForObject("select max(id) from deployment", Long.class) + 50;
        var commit = repository.commit(ChangeSet.writing("deploy " + name + " to dev: image 7.7.7\n\n"
                + "Plate-Deployment: dev #" + lostId, new ChangeSet.Author("mia", "mia@users.plate.local"),
                Map.of(RepoLayout.valuesFile(name, "dev"), values.write(project.chart(),
                        deployments.currentConfig(name, "dev").withImageTag("7.7.7")))));

        assertThat(interrupted.reconcile()).isEqualTo(1);

        var restored = deployments.deployment(lostId);
        assertThat(restored.kind()).isEqualTo(DeploymentKind.DEPLOY);
        assertThat(restored.requestedBy()).isEqualTo("mia");
        assertThat(restored.imageTag()).isEqualTo("7.7.7");
        assertThat(restored.toRevision()).isEqualTo(commit.sha());
        assertThat(deployments.history(name, "dev")).extracting(d -> d.kind())
                .doesNotContain(DeploymentKind.RECOVER);
        var next = deployments.deploy(dev.plate.deployment.DeployRequest.image(name, "dev", "7.7.8"));
        assertThat(next.id()).as("ids issued later are past the restored one").isGreaterThan(lostId);
    }

    /**
     * Right after a start, before the comparison is done: readiness is DOWN and a deploy waits, then is refused with
     * 503 and nothing committed; once the comparison ran, a deploy builds on what Git holds (the interrupted change
     * is kept, never undone).
     */
    @Test
    void until_the_start_up_check_is_done_readiness_is_down_and_deploys_wait_or_are_refused() throws Exception {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String name = "early-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                List.of()), "1.0.0"));
        interrupted.reconcile();
        var project = projects.find(name).orElseThrow();
        var current = deployments.currentConfig(name, "dev");
        AppConfig interruptedChange = current.withImageTag("3.3.3").withSettings(current.replicas(),
                Map.of("CRASH_ROUND", "r2-22"), current.secretEnv(), current.secretRefs(), current.resources(),
                current.ingress(), current.probes(), current.autoscaling());
        repository.commit(ChangeSet.writing("deploy " + name + " to dev: image 3.3.3", new ChangeSet.Author("mia",
                "mia@users.plate.local"), Map.of(RepoLayout.valuesFile(name, "dev"), values.write(project.chart(),
                        interruptedChange))));
        startup.restarted();
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var readiness = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                    + port + "/actuator/health/readiness")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("not ready before the check").isEqualTo(503);
            var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                    + "/api/v1/login")).header("Content-Type", "application/json").POST(java.net.http.HttpRequest
                    .BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                            + dev.plate.support.PlateTest.ADMIN_PASSWORD + "\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(login.body()).path("token")
                    .asString();
            var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                    + port + "/api/v1/deploy")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"project\":\"" + name + "\",\"environment\":\"dev\",\"imageTag\":\"4.0.0\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body()).contains("still comparing the config repository");
            String head = repository.head();
            assertThatThrownBy(() -> deployments.deploy(dev.plate.deployment.DeployRequest.image(name, "dev", "4.0.0")))
                    .isInstanceOf(dev.plate.base.UnavailableException.class).hasMessageContaining("Try again");
            assertThat(repository.head()).as("nothing committed").isEqualTo(head);
        } finally {
            interrupted.check();
        }

        var deployed = deployments.deploy(dev.plate.deployment.DeployRequest.image(name, "dev", "4.0.0"));

        assertThat(deployments.currentConfig(name, "dev").env()).as("the interrupted change is kept, not undone")
                .containsEntry("CRASH_ROUND", "r2-22");
        assertThat(deployed.imageTag()).isEqualTo("4.0.0");
    }
}
