package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.ChartDependency;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.PromoteRequest;
import dev.plate.environment.NewEnvironment;
import dev.plate.history.DeploymentKind;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.recovery.RepositoryRecovery;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import dev.plate.support.ArgoCdTest;
import dev.plate.support.PlateTest;
import dev.plate.support.PostgresInitializer;
import dev.plate.support.SignIn;
import dev.plate.support.TestPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfiguration;

/**
 * The database is lost; the config repository is not. Recovery rebuilds projects (owners, source, add-ons
 * included), a missing environment, and every environment's configuration exactly as it was, and Argo CD's
 * Applications come back. A database of its own, since it empties its tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RecoveryFromGitTest.OwnDatabase.class)
class RecoveryFromGitTest {

    static class OwnDatabase implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.jdbcUrl("recovery"),
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                    "plate.data-dir=" + PostgresInitializer.tempDataDir(),
                    "plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD,
                    "plate.argocd.kubeconfig=" + ArgoCdCluster.shared().kubeconfig(),
                    "plate.argocd.webhook-secret=" + ArgoCdTest.WEBHOOK_SECRET,
                    "plate.argocd.reconcile-initial-delay=1h", "logging.level.io.fabric8.mockwebserver=WARN")
                    .applyTo(context.getEnvironment());
        }
    }

    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentAdministration environments;
    @Autowired
    ProjectService projects;
    @Autowired
    dev.plate.environment.EnvironmentService environmentRows;
    @Autowired
    RepositoryRecovery recovery;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.plate.gitops.ConfigRepository repository;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final ArgoCdCluster cluster = ArgoCdCluster.shared();

    @Test
    void projects_environments_and_configurations_come_back_from_the_repository() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String suffix = Long.toString(System.nanoTime(), 36);
        String qa = "qa" + suffix.substring(suffix.length() - 4);
        environments.add(new NewEnvironment(qa, "staging", "https://kubernetes.default.svc", "{project}-{env}", true,
                false));
        // Approval policies live with the environments, in the repository too. Set before any project is placed:
        // changing an environment applies its projects' Applications again, in the background.
        var twoOfTheTeam = new dev.plate.environment.ApprovalPolicy(2, Role.MAINTAINER, true, false,
                Duration.ofHours(8));
        var one = new dev.plate.environment.ApprovalPolicy(1, Role.DEVELOPER, false, true, Duration.ofMinutes(30));
        environments.update("prod", dev.plate.environment.EnvironmentSettings.of(environmentRows.find("prod")
                .orElseThrow()).withApprovals(twoOfTheTeam));
        environments.update(qa, dev.plate.environment.EnvironmentSettings.of(environmentRows.find(qa).orElseThrow())
                .withApprovals(one));
        assertThat(new String(repository.read("environments/prod.yaml").orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("approvals:", "required: 2", "teamOnly: true",
                "expiryMinutes: 480");

        String shop = "shop" + suffix;
        String blog = "blog" + suffix;
        deployments.importProject(new ImportRequest(new NewProject(shop, "https://github.com/acme/shop.git",
                "ghcr.io/acme/shop", 3000, "/healthz", List.of("payments", "ops"),
                List.of(new ChartDependency("postgresql", "oci://registry-1.docker.io/bitnamicharts", "16.4.0"))),
                "1.0.0"));
        deployments.importProject(new ImportRequest(new NewProject(blog, null, "ghcr.io/acme/blog", 8080, "/", List.of()),
                "2.0.0"));
        var set = new LinkedHashMap<String, String>();
        set.put("replicas", "3");
        set.put("env.GREETING", "hello: {{ world }}");
        set.put("ingress.enabled", "true");
        set.put("ingress.host", "shop.example.com");
        set.put("worker.enabled", "true");
        set.put("worker.command", "bin/worker --queue default");
        set.put("addons.postgresql.enabled", "true");
        set.put("addons.postgresql.values.auth.database", "shop");
        set.put("ports.metrics", "9090");
        deployments.deploy(DeployRequest.changes(shop, "dev", Optional.of("1.1.0"), set, List.of()));
        deployments.promote(new PromoteRequest(shop, "dev", "staging", true));

        var before = new HashMap<String, AppConfig>();
        for (String project : List.of(shop, blog)) {
            for (String env : List.of("dev", "staging", qa, "prod")) {
                before.put(project + "/" + env, deployments.currentConfig(project, env));
            }
        }
        var shopBefore = projects.find(shop).orElseThrow();
        var devHistory = deployments.history(shop, "dev");
        var stagingHistory = deployments.history(shop, "staging");
        // A retry makes no commit: Git does not record its id, which must not be issued again either.
        jdbc.update("update deployment set state = 'FAILED' where id = ?", stagingHistory.getFirst().id());
        long retried = deployments.retry(shop, "staging").id();
        long highestInGit = highestIdGitRecords();
        long highestBefore = jdbc.queryForObject("select max(id) from deployment", Long.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> cluster.application(shop + "-" + qa) != null
                && cluster.application(blog + "-prod") != null);

        // The database is lost (the environment added later with it), and so are the Applications. A fresh
        // database starts with dev, staging and prod as seeded: prod without approvals.
        jdbc.update("update environment set approvals_required = 0, approvers_team_only = false, "
                + "approval_expiry_minutes = 1440 where name = 'prod'");
        jdbc.update("delete from deployment");
        jdbc.update("delete from app_config");
        jdbc.update("delete from project");
        jdbc.update("delete from environment where name = ?", qa);
        for (String project : List.of(shop, blog)) {
            for (String env : List.of("dev", "staging", qa, "prod")) {
                cluster.client().genericKubernetesResources(ArgoCdCluster.APPLICATION)
                        .inNamespace(ArgoCdCluster.NAMESPACE).withName(project + "-" + env).delete();
                cluster.finishDeletion(project + "-" + env);
            }
        }
        assertThat(cluster.application(shop + "-dev")).as("gone before recovery").isNull();

        var report = recovery.recover();

        assertThat(report.projects()).containsExactlyInAnyOrder(shop, blog);
        assertThat(report.environmentsCreated()).containsExactly(qa);
        assertThat(report.configurations()).isEqualTo(8);
        assertThat(environmentRows.find("prod").orElseThrow().approvals()).as("prod's approvals come back")
                .isEqualTo(twoOfTheTeam);
        assertThat(environmentRows.find(qa).orElseThrow().approvals()).isEqualTo(one);
        for (var entry : before.entrySet()) {
            String[] key = entry.getKey().split("/");
            assertThat(deployments.currentConfig(key[0], key[1])).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        var shopAfter = projects.find(shop).orElseThrow();
        assertThat(shopAfter.sourceRepoUrl()).isEqualTo(shopBefore.sourceRepoUrl());
        assertThat(shopAfter.owners()).isEqualTo(shopBefore.owners());
        assertThat(shopAfter.dependencies()).isEqualTo(shopBefore.dependencies());
        assertThat(shopAfter.chart()).isEqualTo(shopBefore.chart());
        assertThat(shopAfter.healthPath()).isEqualTo("/healthz");
        // The history comes back from the commits, each deployment with its old id, author, kind and image.
        assertThat(deployments.history(shop, "dev")).extracting(d -> d.id(), d -> d.kind(), d -> d.imageTag(),
                d -> d.requestedBy(), d -> d.toRevision()).containsExactlyElementsOf(devHistory.stream().map(d ->
                        org.assertj.core.groups.Tuple.tuple(d.id(), d.kind(), d.imageTag(), d.requestedBy(),
                                d.toRevision())).toList());
        assertThat(deployments.history(shop, "dev")).extracting(d -> d.kind())
                .containsExactly(DeploymentKind.DEPLOY, DeploymentKind.IMPORT);
        assertThat(deployments.history(shop, "staging")).extracting(d -> d.id())
                .containsExactlyElementsOf(stagingHistory.stream().map(d -> d.id()).toList());
        assertThat(deployments.deployment(devHistory.getFirst().id()).project()).isEqualTo(shop);
        // Rollback works on the recovered history, and a new id is never one issued before the loss.
        var rolledBack = deployments.rollback(new dev.plate.deployment.RollbackRequest(shop, "dev", Optional.empty()));
        assertThat(rolledBack.imageTag()).isEqualTo("1.0.0");
        assertThat(retried).as("a retry makes no commit: Git does not record its id").isGreaterThan(highestInGit);
        assertThat(rolledBack.id()).isGreaterThan(highestBefore).isGreaterThan(retried)
                .as("a margin past what Git records").isGreaterThan(highestInGit + 1_000);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(cluster.application(shop + "-dev")).isNotNull();
            assertThat(cluster.application(blog + "-" + qa)).isNotNull();
        });

        assertThatThrownBy(recovery::recover).isInstanceOf(ValidationException.class)
                .hasMessageContaining("fills an empty database");
        securityContext.clearContext();
    }

    private long highestIdGitRecords() {
        var pattern = java.util.regex.Pattern.compile("(?m)^Plate-Deployment: \\S+ #(\\d+)$");
        long[] highest = {0};
        repository.eachMessage(message -> pattern.matcher(message).results()
                .forEach(match -> highest[0] = Math.max(highest[0], Long.parseLong(match.group(1)))));
        return highest[0];
    }
}
