package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentRecord;
import dev.plate.security.Role;
import dev.plate.support.SchemaValidator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ImportAndDeployTest extends GitOpsTestBase {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void import_commits_the_chart_and_every_environments_values_and_application_in_one_commit() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("shop");
        String before = repository.head();

        var result = deployments.importProject(new ImportRequest(project(name), "1.0.0"));

        assertThat(result.environments()).containsExactly("dev", "staging", "prod");
        assertThat(repository.head()).isEqualTo(result.commit()).isNotEqualTo(before);
        assertThat(text(RepoLayout.chartDir(name) + "/Chart.yaml")).contains("name: " + name)
                .contains("appVersion: \"1.0.0\"");
        assertThat(text(RepoLayout.chartDir(name) + "/templates/deployment.yaml")).contains("{{ include");
        for (String env : result.environments()) {
            JsonNode values = YAML.readTree(text(RepoLayout.valuesFile(name, env)));
            assertThat(values.at("/image/repository").asString()).isEqualTo("ghcr.io/acme/" + name);
            assertThat(values.at("/image/tag").asString()).isEqualTo("1.0.0");
            assertThat(values.at("/probes/path").asString()).isEqualTo("/healthz");
            JsonNode application = YAML.readTree(text(RepoLayout.applicationFile(name, env)));
            assertThat(SchemaValidator.argoCdErrors(application, "application-crd.yaml")).isEmpty();
            assertThat(application.at("/spec/destination/namespace").asString()).isEqualTo(name + "-" + env);
            assertThat(text(RepoLayout.environmentFile(env))).contains("name: \"" + env + "\"");
        }
        assertThat(YAML.readTree(text(RepoLayout.applicationFile(name, "prod"))).at("/spec/syncPolicy/automated")
                .isMissingNode()).as("prod syncs manually").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from deployment d join project p on p.id = d.project_id "
                + "where p.name = ? and d.kind = 'IMPORT' and d.to_revision = ?", Long.class, name, result.commit()))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select actor from audit_event where action = 'project.imported' "
                + "and target = ?", String.class, "project:" + name)).isEqualTo("dana");
        assertThat(authorOf(result.commit())).isEqualTo("dana");
    }

    @Test
    void deploy_makes_one_commit_changing_only_that_environments_values() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("cart");
        var imported = deployments.importProject(new ImportRequest(project(name), "1.0.0"));

        var deployed = deployments.deploy(DeployRequest.image(name, "staging", "1.4.2"));

        assertThat(deployed.fromRevision()).isEqualTo(imported.commit());
        assertThat(deployed.toRevision()).isEqualTo(repository.head());
        assertThat(messageOf(deployed.toRevision())).isEqualTo("deploy " + name + " to staging: image 1.4.2\n\n"
                + "Plate-Deployment: staging #" + deployed.id());
        assertThat(changedPaths(imported.commit(), deployed.toRevision()))
                .containsExactly(RepoLayout.valuesFile(name, "staging"));
        assertThat(YAML.readTree(text(RepoLayout.valuesFile(name, "staging"))).at("/image/tag").asString())
                .isEqualTo("1.4.2");
        assertThat(YAML.readTree(text(RepoLayout.valuesFile(name, "dev"))).at("/image/tag").asString())
                .isEqualTo("1.0.0");
        assertThat(deployments.history(name, "staging")).extracting(DeploymentRecord::kind)
                .containsExactly(DeploymentKind.DEPLOY, DeploymentKind.IMPORT);
        assertThat(deployments.currentConfig(name, "staging").imageTag()).isEqualTo("1.4.2");
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'deployment.deploy' "
                + "and target = ?", String.class, "project:" + name + "/staging")).contains(deployed.toRevision());
    }

    @Test
    void a_developer_cannot_deploy_to_a_protected_environment_and_nothing_is_written() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("pay");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        String head = repository.head();
        long rows = rows("deployment");

        assertThatThrownBy(() -> deployments.deploy(DeployRequest.image(name, "prod", "2.0.0")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("MAINTAINER");

        assertThat(repository.head()).isEqualTo(head);
        assertThat(rows("deployment")).isEqualTo(rows);
        signInAs("mia", Role.MAINTAINER);
        assertThat(deployments.deploy(DeployRequest.image(name, "prod", "2.0.0")).requestedBy()).isEqualTo("mia");
    }

    @Test
    void a_viewer_cannot_import_or_deploy() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("v");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        signInAs("vic", Role.VIEWER);

        assertThatThrownBy(() -> deployments.importProject(new ImportRequest(project(uniqueName("v")), "1.0")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deployments.deploy(DeployRequest.image(name, "dev", "1.0")))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Deploying " + name + " in dev needs the "
                        + "DEVELOPER role (you have VIEWER).");
    }

    @Test
    void removing_a_project_takes_its_files_and_rows_in_one_commit_and_needs_its_name_typed() {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("gone");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));
        deployments.deploy(DeployRequest.image(name, "dev", "1.1.0"));
        assertThatThrownBy(() -> deployments.deleteProject(name, name)).isInstanceOf(AccessDeniedException.class);
        signInAs("mia", Role.MAINTAINER);
        String head = repository.head();

        assertThatThrownBy(() -> deployments.deleteProject(name, "yes")).hasMessageContaining("Type the project's name");
        assertThat(repository.head()).isEqualTo(head);

        deployments.deleteProject(name, name);

        assertThat(repository.read(RepoLayout.valuesFile(name, "dev"))).isEmpty();
        assertThat(repository.read(RepoLayout.chartDir(name) + "/Chart.yaml")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from project where name = ?", Long.class, name)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'project.removed' "
                + "and target = ?", Long.class, "project:" + name)).isEqualTo(1);
        try (var bare = bare()) {
            assertThat(bare.changedPaths(head, bare.head())).allMatch(path -> path.contains("/" + name + "/")
                    || path.startsWith("charts/" + name + "/") || path.startsWith("applications/" + name + "/"));
            assertThat(bare.commit(bare.head()).getFullMessage()).isEqualTo("remove " + name + " from dev, staging, prod");
        }
    }

    private String text(String path) {
        return new String(repository.read(path).orElseThrow(() -> new AssertionError("missing " + path)),
                StandardCharsets.UTF_8);
    }

    private String messageOf(String sha) {
        try (var bare = bare()) {
            return bare.commit(sha).getFullMessage();
        }
    }

    private String authorOf(String sha) {
        try (var bare = bare()) {
            return bare.commit(sha).getAuthorIdent().getName();
        }
    }

    private java.util.List<String> changedPaths(String from, String to) {
        try (var bare = bare()) {
            return bare.changedPaths(from, to);
        }
    }
}
