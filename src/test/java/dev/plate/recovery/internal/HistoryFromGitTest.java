package dev.plate.recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentKind;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/** The history Git tells is the deployments that happened: a commit taken back is none. */
@PlateTest
class HistoryFromGitTest {

    @Autowired
    HistoryFromGit history;
    @Autowired
    DeploymentService deployments;
    @Autowired
    ConfigRepository repository;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    void a_deploy_whose_transaction_failed_is_no_deployment_in_the_history_git_tells() {
        SignIn.as(securityContext, "admin", Role.ADMIN);
        String name = "undone-" + UUID.randomUUID().toString().substring(0, 8);
        deployments.importProject(new ImportRequest(new NewProject(name, null,
                "ghcr.io/acme/" + name, 8080, "/", List.of()), "1.0.0"));
        String[] failed = new String[1];
        transactions.executeWithoutResult(status -> {
            failed[0] = deployments.deploy(DeployRequest.image(name, "dev", "2.0.0")).toRevision();
            status.setRollbackOnly();
        });

        assertThat(repository.read(RepoLayout.valuesFile(name, "dev")).map(String::new).orElseThrow())
                .as("taken back").doesNotContain("2.0.0");
        var changes = history.read().changes().stream().filter(change -> change.project().equals(name)
                && change.environment().equals("dev")).toList();
        assertThat(changes).extracting(change -> change.commit().sha()).doesNotContain(failed[0]);
        assertThat(changes).extracting(HistoryFromGit.Change::kind)
                .containsExactly(DeploymentKind.IMPORT);
    }
}
