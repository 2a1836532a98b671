package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ConflictException;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.RepoLayout;
import dev.plate.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Git is the truth for values too: someone pushed a hotfix to an environment's values file outside Plate. The
 * next deploy builds on the file as it is in Git, so the edit is kept (not silently undone), shown in the preview
 * and named in the commit; a file Plate cannot read back refuses the deploy with the file and commit to look at.
 */
class OutsideEditsTest extends GitOpsTestBase {

    static final ChangeSet.Author SOMEONE = new ChangeSet.Author("ops-oncall", "oncall@example.com");

    @Test
    void a_deploy_keeps_an_edit_made_outside_plate_and_names_it() {
        signInAs("mia", Role.MAINTAINER);
        String name = uniqueName("hotfix");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        String path = RepoLayout.valuesFile(name, "dev");
        String edited = new String(repository.read(path).orElseThrow(), StandardCharsets.UTF_8)
                .replace("env: {}", "env:\n  HOTFIX: \"true\"");
        assertThat(edited).contains("HOTFIX");
        var hotfix = repository.commit(ChangeSet.writing("hotfix: HOTFIX=true", SOMEONE,
                Map.of(path, edited.getBytes(StandardCharsets.UTF_8))));

        var preview = deployments.preview(DeployRequest.image(name, "dev", "1.2.0"));
        var deployed = deployments.deploy(DeployRequest.image(name, "dev", "1.2.0"));

        String after = new String(repository.read(path).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(after).contains("HOTFIX: \"true\"").contains("tag: \"1.2.0\"");
        assertThat(preview.files().getFirst().diff()).as("the edit is not shown as removed")
                .noneMatch(line -> line.kind() == dev.plate.gitops.TextDiff.Kind.REMOVED && line.text().contains("HOTFIX"));
        assertThat(preview.commitMessage()).contains("keeps an edit made outside Plate (env.HOTFIX) in commit "
                + hotfix.sha().substring(0, 8) + " by ops-oncall");
        assertThat(deployed.summary()).startsWith("image 1.2.0; keeps an edit made outside Plate (env.HOTFIX)");
        assertThat(deployments.currentConfig(name, "dev").env()).containsEntry("HOTFIX", "true");
    }

    @Test
    void a_values_file_plate_cannot_read_back_refuses_the_deploy_naming_the_file_and_commit() {
        signInAs("mia", Role.MAINTAINER);
        String name = uniqueName("broken");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        String path = RepoLayout.valuesFile(name, "dev");
        var broken = repository.commit(ChangeSet.writing("oops", SOMEONE, Map.of(path,
                "image: [this is not what Plate writes\n".getBytes(StandardCharsets.UTF_8))));
        String head = repository.head();
        long rows = rows("deployment");

        assertThatThrownBy(() -> deployments.deploy(DeployRequest.image(name, "dev", "1.2.0")))
                .isInstanceOf(ConflictException.class).hasMessageContaining(path)
                .hasMessageContaining("commit " + broken.sha().substring(0, 8) + " by ops-oncall")
                .hasMessageContaining("Nothing was changed");

        assertThat(repository.head()).isEqualTo(head);
        assertThat(rows("deployment")).isEqualTo(rows);
    }
}
