package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.gitops.RepoLayout;
import dev.plate.gitops.TextDiff;
import dev.plate.gitops.TextDiff.Kind;
import dev.plate.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Previews say exactly what the action would commit (same message, same file) and commit nothing; bad input is
 * refused the same way as by the action.
 */
class ChangePreviewTest extends GitOpsTestBase {

    @Test
    void a_deploy_preview_is_the_diff_the_deploy_then_commits_and_changes_nothing_itself() {
        signInAs("mia", Role.MAINTAINER);
        String name = uniqueName("preview");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        String head = repository.head();
        long deploymentRows = rows("deployment");
        var request = DeployRequest.changes(name, "staging", Optional.of("1.1.0"), Map.of("replicas", "3",
                "env.GREETING", "hello: {{ world }}"), List.of());

        var preview = deployments.preview(request);

        assertThat(repository.head()).isEqualTo(head);
        assertThat(rows("deployment")).isEqualTo(deploymentRows);
        assertThat(preview.changes()).isTrue();
        assertThat(preview.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo(RepoLayout.valuesFile(name, "staging"));
            assertThat(file.before()).isEqualTo(new String(repository.read(file.path()).orElseThrow()));
            assertThat(lines(file.diff(), Kind.REMOVED)).contains("  tag: \"1.0.0\"", "replicaCount: 1");
            assertThat(lines(file.diff(), Kind.ADDED)).contains("  tag: \"1.1.0\"", "replicaCount: 3")
                    .anyMatch(line -> line.contains("hello: {{ world }}"));
        });
        // Three pods also switch the chart's derived PodDisruptionBudget on: the summary says so, not only the diff.
        assertThat(preview.commitMessage()).contains("replicas 1 → 3", "PodDisruptionBudget added (2 or more pods)");
        assertThat(lines(preview.files().getFirst().diff(), Kind.ADDED)).contains("  enabled: true");
        var deployed = deployments.deploy(request);
        assertThat(deployed.summary()).contains("PodDisruptionBudget added");
        assertThat(new String(repository.read(RepoLayout.valuesFile(name, "staging")).orElseThrow()))
                .isEqualTo(preview.files().getFirst().after());
        // Afterwards, the deployment's detail shows the same diff as what it applied.
        assertThat(deployments.applied(deployed.id()).files().getFirst().diff())
                .isEqualTo(preview.files().getFirst().diff());
        try (var bare = bare()) {
            assertThat(bare.commit(deployed.toRevision()).getShortMessage()).isEqualTo(preview.commitMessage());
        }
    }

    @Test
    void bad_input_is_refused_by_the_preview_as_by_the_deploy_and_a_no_op_says_so() {
        signInAs("mia", Role.MAINTAINER);
        String name = uniqueName("preview");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));

        assertThatThrownBy(() -> deployments.preview(DeployRequest.image(name, "dev", "bad tag")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("imageTag"));
        assertThatThrownBy(() -> deployments.preview(DeployRequest.changes(name, "dev", Optional.empty(),
                Map.of("replicas", "many"), List.of()))).isInstanceOf(ValidationException.class);
        var same = deployments.preview(DeployRequest.image(name, "dev", "1.0.0"));
        assertThat(same.changes()).isFalse();
        assertThat(same.files()).isEmpty();
    }

    @Test
    void promote_and_rollback_previews_show_what_the_target_gets_and_what_is_restored() {
        signInAs("mia", Role.MAINTAINER);
        String name = uniqueName("preview");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        var first = deployments.deploy(DeployRequest.changes(name, "dev", Optional.of("1.1.0"), Map.of("replicas", "2"),
                List.of()));
        deployments.deploy(DeployRequest.image(name, "dev", "1.2.0"));

        var imageOnly = deployments.preview(new PromoteRequest(name, "dev", "staging", false));
        assertThat(lines(imageOnly.files().getFirst().diff(), Kind.ADDED)).containsExactly("  tag: \"1.2.0\"");
        var withConfig = deployments.preview(new PromoteRequest(name, "dev", "staging", true));
        assertThat(lines(withConfig.files().getFirst().diff(), Kind.ADDED)).contains("replicaCount: 2");
        assertThat(withConfig.commitMessage()).startsWith("promote " + name + " from dev to staging: ");

        var restore = deployments.preview(new RollbackRequest(name, "dev", Optional.of(first.id())));
        assertThat(lines(restore.files().getFirst().diff(), Kind.REMOVED)).containsExactly("  tag: \"1.2.0\"");
        assertThat(lines(restore.files().getFirst().diff(), Kind.ADDED)).containsExactly("  tag: \"1.1.0\"");
        assertThat(restore.commitMessage()).contains("to deployment #" + first.id());

        signInAs("dana", Role.DEVELOPER);
        assertThatThrownBy(() -> deployments.preview(new RollbackRequest(name, "dev", Optional.empty())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private static List<String> lines(List<TextDiff.Line> diff, Kind kind) {
        return diff.stream().filter(line -> line.kind() == kind).map(TextDiff.Line::text).toList();
    }
}
