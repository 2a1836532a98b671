package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentRecord;
import dev.plate.security.Role;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PromoteAndRollbackTest extends GitOpsTestBase {

    String name;

    @BeforeEach
    void aProjectWithADevDeployment() {
        signInAs("mia", Role.MAINTAINER);
        name = uniqueName("promo");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        AppConfig dev = deployments.currentConfig(name, "dev");
        deployments.deploy(new DeployRequest(name, "dev", Optional.of("1.4.2"), Optional.of(withReplicasAndEnv(dev))));
    }

    @Test
    void promote_copies_only_the_image_to_the_next_environment_by_default() {
        var promoted = deployments.promote(new PromoteRequest(name, "dev", "staging", false));

        assertThat(promoted.kind()).isEqualTo(DeploymentKind.PROMOTE);
        var staging = deployments.currentConfig(name, "staging");
        assertThat(staging.imageTag()).isEqualTo("1.4.2");
        assertThat(staging.replicas()).isEqualTo(1);
        assertThat(staging.env()).isEmpty();
        assertThat(tag("staging")).isEqualTo("1.4.2");
        try (var bare = bare()) {
            assertThat(bare.commit(promoted.toRevision()).getShortMessage())
                    .isEqualTo("promote " + name + " from dev to staging: image 1.4.2");
        }
    }

    @Test
    void promote_with_config_copies_the_whole_configuration() {
        deployments.promote(new PromoteRequest(name, "dev", "staging", true));

        assertThat(deployments.currentConfig(name, "staging")).isEqualTo(deployments.currentConfig(name, "dev"));
    }

    @Test
    void promote_goes_only_one_step_along_the_promotion_order() {
        String head = repository.head();

        assertThatThrownBy(() -> deployments.promote(new PromoteRequest(name, "dev", "prod", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("dev promotes to staging, not prod");
        assertThatThrownBy(() -> deployments.promote(new PromoteRequest(name, "prod", "dev", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("it is the last");
        assertThat(repository.head()).isEqualTo(head);
    }

    @Test
    void a_developer_can_neither_promote_nor_roll_back() {
        signInAs("dana", Role.DEVELOPER);

        assertThatThrownBy(() -> deployments.promote(new PromoteRequest(name, "dev", "staging", false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deployments.rollback(new RollbackRequest(name, "dev", Optional.empty())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rollback_restores_the_previous_configuration_as_a_new_commit() {
        String before = repository.head();

        var rolledBack = deployments.rollback(new RollbackRequest(name, "dev", Optional.empty()));

        assertThat(rolledBack.kind()).isEqualTo(DeploymentKind.ROLLBACK);
        assertThat(rolledBack.fromRevision()).isEqualTo(before);
        assertThat(deployments.currentConfig(name, "dev").imageTag()).isEqualTo("1.0.0");
        assertThat(deployments.currentConfig(name, "dev").replicas()).isEqualTo(1);
        assertThat(tag("dev")).isEqualTo("1.0.0");
        try (var bare = bare()) {
            // a new commit on top: history is never rewritten
            assertThat(bare.commit(rolledBack.toRevision()).getParent(0).getName()).isEqualTo(before);
            assertThat(bare.commit(rolledBack.toRevision()).getFullMessage()).startsWith("rollback " + name + " in dev");
        }
    }

    @Test
    void rollback_to_a_chosen_deployment_restores_exactly_its_configuration() {
        var tagged = deployments.deploy(DeployRequest.image(name, "dev", "1.5.0"));
        deployments.deploy(DeployRequest.image(name, "dev", "1.6.0"));

        deployments.rollback(new RollbackRequest(name, "dev", Optional.of(tagged.id())));

        assertThat(deployments.currentConfig(name, "dev")).isEqualTo(tagged.config());
        assertThat(deployments.history(name, "dev")).extracting(DeploymentRecord::kind).containsExactly(
                DeploymentKind.ROLLBACK, DeploymentKind.DEPLOY, DeploymentKind.DEPLOY, DeploymentKind.DEPLOY,
                DeploymentKind.IMPORT);
    }

    @Test
    void rollback_to_a_deployment_of_another_environment_is_refused() {
        var staging = deployments.promote(new PromoteRequest(name, "dev", "staging", false));
        String head = repository.head();

        assertThatThrownBy(() -> deployments.rollback(new RollbackRequest(name, "dev", Optional.of(staging.id()))))
                .hasMessageContaining("is not a deployment of " + name + " to dev");
        assertThat(repository.head()).isEqualTo(head);
    }

    private String tag(String env) {
        byte[] values = repository.read(RepoLayout.valuesFile(name, env)).orElseThrow();
        return YAMLMapper.builder().build().readTree(new String(values, StandardCharsets.UTF_8)).at("/image/tag")
                .asString();
    }

    private static AppConfig withReplicasAndEnv(AppConfig c) {
        return new AppConfig(c.imageTag(), 3, Map.of("FEATURE_X", "on"), c.secretEnv(), c.secretRefs(),
                c.resources(), c.ingress(), c.probes(), c.autoscaling(), c.labels(), c.annotations());
    }
}
