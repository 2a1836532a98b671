package dev.plate.deployment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.chart.AppConfig;
import dev.plate.chart.ValuesWriter;
import dev.plate.deployment.DeploymentKind;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
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
}
