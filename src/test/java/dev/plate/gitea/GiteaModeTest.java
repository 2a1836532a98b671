package dev.plate.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.admin.SystemHealthService;
import dev.plate.base.health.ComponentStatus;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Plate with a Gitea configured: the config repository is created in the organisation, changes are pushed
 * there, and the dashboard reports the server. (The double serves the repository at a file URL.)
 */
@SpringBootTest(properties = "plate.security.admin-password=gitea-mode-password")
class GiteaModeTest {

    static final Path ROOT = FakeGitea.tempRoot("plate-gitea-mode");
    static final FakeGitea GITEA = FakeGitea.servingUnder(ROOT);

    @DynamicPropertySource
    static void gitea(DynamicPropertyRegistry registry) {
        registry.add("plate.gitea.url", GITEA::url);
        registry.add("plate.gitea.organisation", () -> "acme");
        registry.add("plate.gitea.token", () -> FakeGitea.TOKEN);
        registry.add("plate.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("plate.argocd.server-url", () -> "https://argocd.example.com/");
        registry.add("plate.argocd.gogs-webhook-secret", () -> ARGOCD_WEBHOOK_SECRET);
    }

    static final String ARGOCD_WEBHOOK_SECRET = "argocd-gogs-secret";

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    DeploymentService deployments;

    @Autowired
    ConfigRepository repository;

    @Autowired
    SystemHealthService health;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    SecurityContextHolderStrategy securityContext;

    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @AfterAll
    static void everyRequestMatchesGiteasPublishedApi() {
        GITEA.assertEveryRequestMatchesGiteasApi();
    }

    @Test
    void plate_registers_its_push_webhook_on_the_config_repository_with_a_stored_secret() {
        var hooks = GITEA.hooks.get("acme/plate-config").stream().filter(h -> h.get("type").equals("gitea")).toList();

        assertThat(hooks).hasSize(1);
        @SuppressWarnings("unchecked")
        var config = (java.util.Map<String, Object>) hooks.getFirst().get("config");
        assertThat(config.get("url")).isEqualTo("http://localhost:8080/webhooks/gitea");
        var posted = GITEA.requests.stream().filter(r -> r.path().endsWith("/hooks") && r.method().equals("POST"))
                .toList();
        String secret = posted.getFirst().body().at("/config/secret").asString();
        assertThat(secret).hasSize(64);
        assertThat(jdbc.queryForObject("select setting_value from setting where name = 'webhook.gitea.secret'",
                String.class)).startsWith("v1:").doesNotContain(secret);
    }

    /** Argo CD reads Gitea's webhooks with its Gogs parser: type gogs, its own secret, its own /api/webhook. */
    @Test
    void argo_cds_webhook_is_registered_next_to_plates_once_however_often_plate_starts_or_imports() throws Exception {
        var authorities = Role.MAINTAINER.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("mia", null, authorities));
        for (String name : List.of("hooked-one", "hooked-two")) {
            deployments.importProject(new ImportRequest(new NewProject(name, "", "ghcr.io/acme/" + name, 8080, "/",
                    List.of()), "1.0.0"));
        }
        // What a restart does: the registration runs again.
        var registration = context.getBean(Class.forName("dev.plate.argocd.internal.WebhookRegistration"));
        var register = registration.getClass().getDeclaredMethod("register");
        register.setAccessible(true);
        register.invoke(registration);

        var hooks = GITEA.hooks.get("acme/plate-config");
        assertThat(hooks).extracting(h -> h.get("type")).containsExactlyInAnyOrder("gitea", "gogs");
        @SuppressWarnings("unchecked")
        var argoCd = (java.util.Map<String, Object>) hooks.stream().filter(h -> h.get("type").equals("gogs"))
                .findFirst().orElseThrow().get("config");
        assertThat(argoCd.get("url")).isEqualTo("https://argocd.example.com/api/webhook");
        assertThat(GITEA.requests.stream().filter(r -> r.path().endsWith("/hooks") && r.method().equals("POST"))
                .map(r -> r.body().at("/config/secret").asString())).contains(ARGOCD_WEBHOOK_SECRET).hasSize(2);
    }

    @Test
    void imports_and_deploys_are_pushed_to_the_repository_plate_created_in_the_organisation() throws Exception {
        var authorities = Role.MAINTAINER.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("mia", null, authorities));

        deployments.importProject(new ImportRequest(new NewProject("shop", "", "ghcr.io/acme/shop", 8080, "/", List.of()),
                "1.0.0"));
        deployments.deploy(DeployRequest.image("shop", "staging", "1.1.0"));

        assertThat(GITEA.repositories).containsOnlyKeys("acme/plate-config");
        assertThat(repository.cloneUrl()).isEqualTo(GITEA.repositories.get("acme/plate-config").get("clone_url"));
        try (var remote = Git.open(ROOT.resolve("gitea/acme/plate-config.git").toFile())) {
            var messages = new java.util.ArrayList<String>();
            for (RevCommit commit : remote.log().call()) {
                messages.add(commit.getShortMessage());
            }
            assertThat(messages).containsExactly("deploy shop to staging: image 1.1.0",
                    "import shop (dev, staging, prod): image 1.0.0", "Create the config repository");
        }
        assertThat(new String(repository.read(RepoLayout.valuesFile("shop", "staging")).orElseThrow()))
                .contains("tag: \"1.1.0\"");
    }

    /** Gitea's git server gone mid-life: the deploy is refused as unavailable, names Gitea, and changes nothing. */
    @Test
    void a_deploy_while_gitea_does_not_answer_is_refused_as_unavailable_and_changes_nothing() throws Exception {
        var authorities = Role.MAINTAINER.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("mia", null, authorities));
        deployments.importProject(new ImportRequest(new NewProject("down", "", "ghcr.io/acme/down", 8080, "/",
                List.of()), "1.0.0"));
        String head = repository.head();
        long rows = deployments.history("down", "dev").size();
        Path remote = ROOT.resolve("gitea/acme/plate-config.git");
        Path away = ROOT.resolve("gitea/acme/plate-config.away");
        java.nio.file.Files.move(remote, away);
        try {
            assertThatThrownBy(() -> deployments.deploy(DeployRequest.image("down", "dev", "9.9.9")))
                    .isInstanceOf(dev.plate.gitops.GitUnavailableException.class)
                    .hasMessageContaining("Check that Gitea is up").hasMessageContaining("Nothing was changed");
            assertThat(repository.head()).isEqualTo(head);
            assertThat(deployments.history("down", "dev")).hasSize((int) rows);
            assertThat(health.currentStatus()).filteredOn(status -> status.component().equals("Git")).singleElement()
                    .satisfies(status -> assertThat(status.detail()).contains("cannot be written"));
        } finally {
            java.nio.file.Files.move(away, remote);
        }
        deployments.deploy(DeployRequest.image("down", "dev", "9.9.9"));
        assertThat(health.currentStatus()).filteredOn(status -> status.component().equals("Git")).singleElement()
                .satisfies(status -> assertThat(status.state()).isEqualTo(ComponentStatus.State.UP));
    }

    @Test
    void the_dashboard_reports_the_gitea_server_and_the_tokens_user() {
        var authorities = Role.VIEWER.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("vic", null, authorities));

        var gitea = health.currentStatus().stream().filter(s -> s.component().equals("Gitea")).findFirst().orElseThrow();

        assertThat(gitea.state()).isEqualTo(ComponentStatus.State.UP);
        assertThat(gitea.detail()).contains("Gitea 1.27.1").contains("as plate-bot").contains("organisation acme");
    }



}
