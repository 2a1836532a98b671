package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.NotFoundException;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.RollbackRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.recovery.RepositoryRecovery;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.PostgresInitializer;
import dev.plate.support.SignIn;
import dev.plate.support.TestPostgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ContextConfiguration;

/**
 * A project removed and imported again under the same name is a new project: recovery from Git gives it its own
 * history only, as the lost database had it, and a project removed for good stays removed. A database and
 * repository of its own, since it empties its tables and every project in the repository comes back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RecoveryAfterRemovalTest.OwnDatabase.class)
class RecoveryAfterRemovalTest {

    static class OwnDatabase implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of(
                    "spring.datasource.url=" + TestPostgres.jdbcUrl("recoveryafterremoval"),
                    "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                    "plate.data-dir=" + PostgresInitializer.tempDataDir(),
                    "plate.security.admin-password=" + PlateTest.ADMIN_PASSWORD)
                    .applyTo(context.getEnvironment());
        }
    }

    @Autowired
    DeploymentService deployments;
    @Autowired
    ProjectService projects;
    @Autowired
    RepositoryRecovery recovery;
    @Autowired
    ConfigRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_project_imported_again_after_its_removal_gets_back_only_its_own_history_and_no_rollback_to_the_removed_one() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String suffix = Long.toString(System.nanoTime(), 36);
        String again = "again" + suffix;
        String gone = "gone" + suffix;
        deployments.importProject(new ImportRequest(new NewProject(again, null, "ghcr.io/acme/first", 8080, "/",
                List.of()), "1.0.0"));
        deployments.deploy(DeployRequest.image(again, "dev", "1.1.0"));
        long ofTheRemovedOne = deployments.history(again, "dev").getLast().id(); // its import
        deployments.deleteProject(again, again);
        deployments.importProject(new ImportRequest(new NewProject(gone, null, "ghcr.io/acme/gone", 8080, "/",
                List.of()), "1.0.0"));
        deployments.deleteProject(gone, gone);
        deployments.importProject(new ImportRequest(new NewProject(again, null, "ghcr.io/acme/second", 8080, "/",
                List.of()), "2.0.0"));
        deployments.deploy(DeployRequest.image(again, "dev", "2.1.0"));
        var before = ids(again);
        assertThatThrownBy(() -> rollBack(again, ofTheRemovedOne)).as("before the loss")
                .isInstanceOf(NotFoundException.class).hasMessageContaining("is not a deployment of " + again);

        jdbc.update("delete from deployment");
        jdbc.update("delete from app_config");
        jdbc.update("delete from project");
        var report = recovery.recover();

        assertThat(report.projects()).as("the project removed for good is not brought back").containsExactly(again);
        assertThat(projects.find(gone)).isEmpty();
        assertThat(projects.find(again).orElseThrow().chart().imageRepository()).isEqualTo("ghcr.io/acme/second");
        assertThat(ids(again)).as("the history of the project imported again, and nothing of the removed one")
                .isEqualTo(before);
        assertThat(deployments.history(again, "dev")).extracting(DeploymentRecord::imageTag)
                .containsExactly("2.1.0", "2.0.0");
        String head = repository.head();
        assertThatThrownBy(() -> rollBack(again, ofTheRemovedOne)).as("after recovery, as before the loss")
                .isInstanceOf(NotFoundException.class).hasMessageContaining("is not a deployment of " + again);
        assertThatThrownBy(() -> deployments.deployment(ofTheRemovedOne)).as("the removed one's id names nothing")
                .isInstanceOf(NotFoundException.class);
        assertThat(repository.head()).as("nothing committed").isEqualTo(head);
    }

    private void rollBack(String project, long to) {
        deployments.rollback(new RollbackRequest(project, "dev", Optional.of(to)));
    }

    /** Every environment's deployment ids, newest first. */
    private List<List<Long>> ids(String project) {
        return List.of("dev", "staging", "prod").stream().map(env -> deployments.history(project, env).stream()
                .map(DeploymentRecord::id).toList()).toList();
    }
}
