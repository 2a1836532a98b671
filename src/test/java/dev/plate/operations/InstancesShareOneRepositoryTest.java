package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.PlateApplication;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.PostgresInitializer;
import dev.plate.support.SignIn;
import dev.plate.tokens.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two Plate instances behind a load balancer, on one PostgreSQL and one config repository (the embedded Git
 * server's, on a data directory both mount): deploys sent to both at once all land, each exactly once, and each
 * environment's values file ends with the deployment recorded last.
 */
@PlateTest
class InstancesShareOneRepositoryTest {

    static final int PROJECTS = 3;
    static final int DEPLOYS_PER_INSTANCE = 24;

    static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;
    @Value("${plate.data-dir}")
    String dataDir;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void deploys_through_both_instances_at_once_all_land_once_and_in_order() throws Exception {
        var args = new ArrayList<String>();
        for (String property : PostgresInitializer.postgresProperties()) {
            args.add("--" + property);
        }
        args.addAll(List.of("--server.port=0", "--plate.data-dir=" + dataDir, "--spring.jmx.enabled=false",
                "--plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD));
        second = new SpringApplicationBuilder(PlateApplication.class).run(args.toArray(String[]::new));
        int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        // As a load balancer would: traffic once it is ready (its start-up comparison of Git and the database done).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        SignIn.as(securityContext, "admin", Role.ADMIN);
        String token = tokens.create("ha-test", 1).token();
        String batch = "ha" + UUID.randomUUID().toString().substring(0, 6);
        var projects = new ArrayList<String>();
        for (int i = 0; i < PROJECTS; i++) {
            String name = batch + "-" + i;
            deployments.importProject(new ImportRequest(new NewProject(name, null, "ghcr.io/acme/" + name, 8080, "/",
                    List.of()), "0.0.1"));
            projects.add(name);
        }
        securityContext.clearContext();
        String before = repository.head();
        int rowsBefore = jdbc.queryForObject("select count(*) from deployment", Integer.class);

        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < DEPLOYS_PER_INSTANCE * 2; i++) {
            int target = i % 2 == 0 ? port : otherPort;
            String project = projects.get(i % PROJECTS);
            String tag = "1.0." + i;
            calls.add(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + target + "/api/v1/deploy"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"project\":\"" + project + "\",\"environment\":\"dev\","
                            + "\"imageTag\":\"" + tag + "\"}")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(16)) {
            statuses = new ArrayList<>();
            for (var future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
        }
        assertThat(statuses).as("every deploy accepted").containsOnly(201);

        // Every deploy is one row and one commit; none lost, none doubled.
        int total = DEPLOYS_PER_INSTANCE * 2;
        assertThat(jdbc.queryForObject("select count(*) from deployment", Integer.class) - rowsBefore).isEqualTo(total);
        var commits = jdbc.queryForList("select to_revision from deployment d join project p on p.id = d.project_id "
                + "where p.name like ? and d.kind = 'DEPLOY'", String.class, batch + "-%");
        assertThat(commits).hasSize(total).doesNotHaveDuplicates();
        var branch = new ArrayList<String>();
        try (var git = Git.open(java.nio.file.Path.of(dataDir, "git", "plate-config.git").toFile())) {
            var head = git.getRepository().resolve("refs/heads/main");
            for (RevCommit commit : git.log().add(head).call()) {
                if (commit.getName().equals(before)) {
                    break;
                }
                branch.add(commit.getName());
            }
        }
        assertThat(branch).as("the branch holds exactly the deploy commits, each once")
                .containsExactlyInAnyOrderElementsOf(commits);

        // Each environment ends with what the last recorded deployment wrote, and rows follow commit order.
        for (String project : projects) {
            var tagsByRow = jdbc.queryForList("select d.image_tag from deployment d join project p on p.id = "
                    + "d.project_id where p.name = ? and d.kind = 'DEPLOY' order by d.id", String.class, project);
            String values = new String(repository.read(RepoLayout.valuesFile(project, "dev")).orElseThrow(),
                    StandardCharsets.UTF_8);
            assertThat(values).contains("tag: \"" + tagsByRow.getLast() + "\"");
            var revisions = jdbc.queryForList("select d.to_revision from deployment d join project p on p.id = "
                    + "d.project_id where p.name = ? and d.kind = 'DEPLOY' order by d.id", String.class, project);
            var inBranchOrder = new ArrayList<>(branch);
            Collections.reverse(inBranchOrder);
            inBranchOrder.retainAll(revisions);
            assertThat(inBranchOrder).as("rows of one environment in the order their commits landed")
                    .containsExactlyElementsOf(revisions);
        }
    }
}
