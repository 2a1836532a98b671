package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.environment.NewEnvironment;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.security.Role;
import dev.plate.support.EmbeddedDefaultsTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The promotion path, shaped by an admin. Runs on its own install (the embedded defaults context), in order:
 * first with no project, then with projects deployed, since environments added here stay.
 */
@EmbeddedDefaultsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnvironmentAdministrationTest {

    @Autowired
    EnvironmentAdministration administration;

    @Autowired
    EnvironmentService environments;

    @Autowired
    DeploymentService deployments;

    @Autowired
    ConfigRepository repository;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    String added;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @Test
    @Order(1)
    void on_an_empty_install_add_rename_reorder_and_remove_each_commit_the_environment_files() {
        signInAs("admin", Role.ADMIN);

        administration.add(new NewEnvironment("sandbox", "", "https://sandbox.example.com:6443", "sbx-{project}",
                true, false));
        assertThat(names()).containsExactly("sandbox", "dev", "staging", "prod");
        assertThat(repository.read(RepoLayout.environmentFile("sandbox"))).isPresent();

        administration.rename("sandbox", "play");
        assertThat(repository.read(RepoLayout.environmentFile("sandbox"))).isEmpty();
        assertThat(repository.read(RepoLayout.environmentFile("play"))).isPresent();

        administration.reorder(List.of("dev", "staging", "play", "prod"));
        assertThat(names()).containsExactly("dev", "staging", "play", "prod");
        assertThat(text(RepoLayout.environmentFile("prod"))).contains("position: 3");

        administration.remove("play");
        assertThat(names()).containsExactly("dev", "staging", "prod");
        assertThat(repository.read(RepoLayout.environmentFile("play"))).isEmpty();
        assertThat(text(RepoLayout.environmentFile("prod"))).contains("position: 2");
    }

    @Test
    @Order(2)
    void adding_an_environment_configures_every_project_with_the_image_of_the_one_before_it() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("envs");
        deployments.importProject(new ImportRequest(GitOpsTestBase.project(name), "1.0.0"));
        deployments.deploy(DeployRequest.image(name, "dev", "1.3.0"));
        signInAs("admin", Role.ADMIN);
        added = "qa" + name.substring(name.length() - 4);

        var qa = administration.add(new NewEnvironment(added, "dev", "https://kubernetes.default.svc",
                "{project}-{env}", true, false));

        assertThat(environments.list().stream().map(EnvironmentSummary::name).limit(3))
                .containsExactly("dev", added, "staging");
        assertThat(qa.position()).isEqualTo(1);
        assertThat(text(RepoLayout.environmentFile(added))).contains("position: 1");
        assertThat(text(RepoLayout.environmentFile("staging"))).contains("position: 2");
        assertThat(YAMLMapper.builder().build().readTree(text(RepoLayout.valuesFile(name, added)))
                .at("/image/tag").asString()).isEqualTo("1.3.0");
        assertThat(text(RepoLayout.applicationFile(name, added))).contains(name + "-" + added);
        signInAs("mia", Role.MAINTAINER);
        deployments.deploy(DeployRequest.image(name, "dev", "1.4.0"));
        assertThat(deployments.promote(new PromoteRequest(name, "dev", added, false)).imageTag()).isEqualTo("1.4.0");
        assertThatThrownBy(() -> deployments.promote(new PromoteRequest(name, "dev", "staging", false)))
                .hasMessageContaining("dev promotes to " + added);
    }

    @Test
    @Order(3)
    void an_environment_with_projects_can_be_neither_renamed_nor_removed() {
        signInAs("dana", Role.DEVELOPER);
        deployments.importProject(new ImportRequest(GitOpsTestBase.project(uniqueName("keep")), "1.0.0"));
        signInAs("admin", Role.ADMIN);
        String head = repository.head();

        assertThatThrownBy(() -> administration.rename("staging", "stage"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deployed there");
        assertThatThrownBy(() -> administration.remove("staging"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deployed there");

        assertThat(environments.find("staging")).isPresent();
        assertThat(repository.head()).isEqualTo(head);
    }

    @Test
    @Order(4)
    void names_that_would_share_an_argo_cd_application_or_overflow_a_namespace_are_refused() {
        signInAs("admin", Role.ADMIN);
        administration.add(new NewEnvironment("eu-prod", "prod", "https://kubernetes.default.svc",
                "{project}-{env}", false, true));
        administration.add(new NewEnvironment("integration", "dev", "https://kubernetes.default.svc",
                "{project}-{env}", true, false));
        signInAs("dana", Role.DEVELOPER);
        deployments.importProject(new ImportRequest(GitOpsTestBase.project("web"), "1.0.0"));
        String head = repository.head();

        assertThatThrownBy(() -> deployments.importProject(new ImportRequest(GitOpsTestBase.project("web-eu"), "1.0.0")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'web-eu-prod'")
                .hasMessageContaining("already belongs to project web in eu-prod");
        String longName = "a" + "b".repeat(52); // 53 + "-integration" is 65: too long for a namespace
        assertThatThrownBy(() -> deployments.importProject(new ImportRequest(GitOpsTestBase.project(longName), "1.0.0")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a valid namespace");
        assertThat(repository.head()).isEqualTo(head);
    }

    @Test
    @Order(5)
    void reorder_needs_every_environment_exactly_once() {
        signInAs("admin", Role.ADMIN);
        String head = repository.head();

        assertThatThrownBy(() -> administration.reorder(List.of("prod", "dev")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("every environment exactly once");
        assertThat(repository.head()).isEqualTo(head);
    }

    @Test
    @Order(6)
    void bad_environments_are_refused_naming_the_field() {
        signInAs("admin", Role.ADMIN);
        long before = environments.list().size();

        assertField(new NewEnvironment("QA", "dev", "https://k.example", "{project}-{env}", true, false), "name");
        assertField(new NewEnvironment("staging", "dev", "https://k.example", "{project}", true, false), "name");
        assertField(new NewEnvironment("qa2", "dev", "http://k.example", "{project}-{env}", true, false), "clusterServer");
        assertField(new NewEnvironment("qa2", "dev", "Prod EU!", "{project}-{env}", true, false), "clusterServer");
        assertField(new NewEnvironment("qa2", "dev", "https://k.example", "{env}", true, false), "namespacePattern");
        assertField(new NewEnvironment("qa2", "dev", "https://k.example", "{project}_x", true, false), "namespacePattern");
        assertThat(environments.list()).hasSize((int) before);
    }

    @Test
    @Order(7)
    void only_an_admin_changes_environments() {
        signInAs("mia", Role.MAINTAINER);

        assertThatThrownBy(() -> administration.add(new NewEnvironment("qa3", "dev", "https://k.example",
                "{project}-{env}", true, false))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.reorder(List.of("dev", "staging", "prod")))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Destination, sync and protection change in one commit with every placed project's Application. */
    @Test
    @Order(9)
    void an_admin_changes_where_an_environment_deploys_in_one_commit_and_bad_settings_change_nothing() {
        signInAs("dana", Role.DEVELOPER);
        String project = uniqueName("moved");
        deployments.importProject(new ImportRequest(GitOpsTestBase.project(project), "1.0.0"));
        signInAs("admin", Role.ADMIN);
        var before = environments.find("staging").orElseThrow();
        String head = repository.head();

        assertThatThrownBy(() -> administration.update("staging", new dev.plate.environment.EnvironmentSettings(
                "http://insecure.example.com", before.namespacePattern(), true, false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("clusterServer"));
        assertThat(repository.head()).isEqualTo(head);

        try {
            var changed = administration.update("staging", new dev.plate.environment.EnvironmentSettings(
                    before.clusterServer(), "{project}-stg", false, true));

            assertThat(changed.protectedEnvironment()).isTrue();
            assertThat(changed.autoSync()).isFalse();
            assertThat(new String(repository.read("environments/staging.yaml").orElseThrow()))
                    .contains("{project}-stg");
            String application = new String(repository.read("applications/" + project + "/staging/application.yaml")
                    .orElseThrow());
            assertThat(application).contains("namespace: \"" + project + "-stg\"").doesNotContain("automated");
            assertThat(new String(repository.read("applications/" + project + "/dev/application.yaml").orElseThrow()))
                    .contains("namespace: \"" + project + "-dev\"");
            signInAs("dana", Role.DEVELOPER);
            assertThatThrownBy(() -> deployments.deploy(DeployRequest.image(project, "staging", "1.0.1")))
                    .as("protected now").isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThatThrownBy(() -> administration.update("staging", dev.plate.environment.EnvironmentSettings.of(before)))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        } finally {
            signInAs("admin", Role.ADMIN);
            administration.update("staging", dev.plate.environment.EnvironmentSettings.of(before));
        }
    }

    private void assertField(NewEnvironment environment, String field) {
        assertThatThrownBy(() -> administration.add(environment)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    private void signInAs(String username, Role role) {
        dev.plate.support.SignIn.as(securityContext, username, role);
    }

    private static String uniqueName(String prefix) {
        return GitOpsTestBase.uniqueName(prefix);
    }

    private List<String> names() {
        return environments.list().stream().map(EnvironmentSummary::name).toList();
    }

    private String text(String path) {
        return new String(repository.read(path).orElseThrow(), StandardCharsets.UTF_8);
    }
}
