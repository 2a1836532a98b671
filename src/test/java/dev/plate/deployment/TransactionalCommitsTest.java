package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.gitops.RepoLayout;
import dev.plate.security.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A change committed to Git whose database transaction then fails is taken back by a new commit. */
class TransactionalCommitsTest extends GitOpsTestBase {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_deploy_whose_transaction_rolls_back_after_the_commit_is_undone_in_git() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("undo");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        String valuesBefore = values(name);
        String headBefore = repository.head();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            deployments.deploy(DeployRequest.image(name, "dev", "9.9.9"));
            throw new IllegalStateException("the database failed after the commit");
        })).hasMessageContaining("database failed");

        assertThat(values(name)).isEqualTo(valuesBefore);
        assertThat(deployments.currentConfig(name, "dev").imageTag()).isEqualTo("1.0.0");
        try (var bare = bare()) {
            var history = bare.history();
            assertThat(history.get(1).getShortMessage()).isEqualTo("deploy " + name + " to dev: image 9.9.9");
            assertThat(history.get(0).getFullMessage()).startsWith("undo \"deploy " + name + " to dev")
                    .contains("could not be recorded");
            assertThat(history.get(2).getName()).isEqualTo(headBefore);
        }
    }

    private String values(String name) {
        return new String(repository.read(RepoLayout.valuesFile(name, "dev")).orElseThrow(), StandardCharsets.UTF_8);
    }
}
