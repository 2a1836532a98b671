package dev.plate.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.plate.admin.SystemHealthService;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitException;
import dev.plate.gitops.RepoLayout;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.gitops.RepositoryHosting.Request;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.ArgoCdCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Plate starts on its embedded Git server with a cluster connected; an admin then puts the config repository on
 * Gitea (Admin → Integrations), later back. Bad settings are refused with nothing changed; the move keeps every
 * commit, seals the old place, re-points application.yaml, Argo CD's Applications and its credential, and every
 * later deploy lands in the new place. (The Gitea double serves real bare repositories at file URLs.)
 */
@SpringBootTest(properties = {"plate.security.admin-password=move-password",
    "plate.argocd.reconcile-initial-delay=1h", "plate.git.repoint-again-after=3s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RepositoryMoveToGiteaTest extends dev.plate.support.KaribuSupport {

    static final Path ROOT = FakeGitea.tempRoot("plate-move");
    static final FakeGitea GITEA = FakeGitea.servingUnder(ROOT);
    static final ArgoCdCluster CLUSTER = new ArgoCdCluster();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plate.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("plate.argocd.kubeconfig", CLUSTER::kubeconfig);
    }

    @Autowired
    RepositoryHosting hosting;
    @Autowired
    ConfigRepository repository;
    @Autowired
    DeploymentService deployments;
    @Autowired
    SystemHealthService health;
    @Autowired
    JdbcTemplate jdbc;
    @AfterEach
    void signOut() {
        securityContext.clearContext();
    }

    @AfterAll
    static void everyRequestMatchesGiteasPublishedApi() {
        GITEA.assertEveryRequestMatchesGiteasApi();
        CLUSTER.close();
    }

    @Test
    @Order(1)
    void bad_settings_are_refused_next_to_their_field_and_change_nothing() {
        signInAs("root", Role.ADMIN);
        String head = repository.head();
        String unreachable = "http://127.0.0.1:" + freePort();
        record Case(Request request, String field, String message) {}
        var cases = List.of(
                new Case(new Request(null, "", "", Optional.empty(), "", Optional.empty()), "mode", "Choose where"),
                new Case(gitea("", "acme", FakeGitea.TOKEN), "url", "Enter the address"),
                new Case(gitea("gitea.example.com", "acme", FakeGitea.TOKEN), "url", "http:// or https://"),
                new Case(gitea("ftp://gitea.example.com", "acme", FakeGitea.TOKEN), "url", "http:// or https://"),
                new Case(gitea("https://bot:secret@gitea.example.com", "acme", FakeGitea.TOKEN), "url",
                        "Leave credentials out"),
                new Case(gitea("https://gitea.example.com/?x=1", "acme", FakeGitea.TOKEN), "url", "no '?'"),
                new Case(gitea("https://gitea example.com", "acme", FakeGitea.TOKEN), "url", "Not a web address"),
                new Case(gitea(GITEA.url(), "", FakeGitea.TOKEN), "organisation", "Enter the Gitea organisation"),
                new Case(gitea(GITEA.url(), "acme/evil", FakeGitea.TOKEN), "organisation", "Not a Gitea organisation"),
                new Case(gitea(GITEA.url(), "-acme", FakeGitea.TOKEN), "organisation", "Not a Gitea organisation"),
                new Case(gitea(GITEA.url(), "acme", ""), "token", "Enter an access token"),
                new Case(gitea(GITEA.url(), "acme", "two words"), "token", "no spaces"),
                new Case(new Request(Mode.GITEA, GITEA.url(), "acme", Optional.of(FakeGitea.TOKEN), "argocd-bot",
                        Optional.empty()), "readToken", "or neither"),
                new Case(new Request(Mode.GITEA, GITEA.url(), "acme", Optional.of(FakeGitea.TOKEN), "",
                        Optional.of("read-token")), "readUsername", "or neither"),
                new Case(new Request(Mode.GITEA, GITEA.url(), "acme", Optional.of(FakeGitea.TOKEN), "bot user",
                        Optional.of("read-token")), "readUsername", "Not a Gitea user name"),
                new Case(gitea(GITEA.url(), "acme", "wrong-token"), "token", "refused the access token (401)"),
                new Case(gitea(unreachable, "acme", FakeGitea.TOKEN), "url", "Cannot reach Gitea"));
        GITEA.missingOrganisations.add("ghost");
        var withMissingOrganisation = new ArrayList<>(cases);
        withMissingOrganisation.add(new Case(gitea(GITEA.url(), "ghost", FakeGitea.TOKEN), "organisation", "404"));

        for (var bad : withMissingOrganisation) {
            assertThatThrownBy(() -> hosting.save(bad.request())).as(bad.toString())
                    .isInstanceOfSatisfying(ValidationException.class, refusal -> {
                        assertThat(refusal.field()).as(bad.toString()).isEqualTo(bad.field());
                        assertThat(refusal.getMessage()).as(bad.toString()).contains(bad.message());
                    });
        }

        signInAs("mia", Role.MAINTAINER);
        assertThatThrownBy(() -> hosting.save(gitea(GITEA.url(), "acme", FakeGitea.TOKEN)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> hosting.test(gitea(GITEA.url(), "acme", FakeGitea.TOKEN)))
                .as("a test sends the saved token: admins only")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        signInAs("root", Role.ADMIN);

        assertThat(repository.head()).isEqualTo(head);
        assertThat(jdbc.queryForObject("select count(*) from setting where name like 'git.%'", Long.class)).isZero();
        assertThat(GITEA.repositories).isEmpty();
        assertThat(hosting.current().mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(hosting.test(gitea(GITEA.url(), "acme", FakeGitea.TOKEN)).detail())
                .contains("Gitea 1.27.1 as plate-bot").contains("acme/plate-config will be created");
        assertThat(GITEA.repositories).as("a test creates nothing").isEmpty();
    }

    @Test
    @Order(2)
    void a_gitea_repository_with_another_history_is_refused_and_left_as_it_was() throws Exception {
        signInAs("root", Role.ADMIN);
        GITEA.missingOrganisations.remove("strangers");
        var request = gitea(GITEA.url(), "strangers", FakeGitea.TOKEN);
        // Someone's own repository of that name, with a commit of theirs.
        hosting.test(request);
        var existing = GITEA.createForTest("strangers/plate-config");
        try (var git = Git.cloneRepository().setURI(existing).setDirectory(ROOT.resolve("stranger").toFile()).call()) {
            Files.writeString(ROOT.resolve("stranger/README.md"), "ours");
            git.add().addFilepattern("README.md").call();
            git.commit().setMessage("their first commit").setAuthor("them", "them@example.com").call();
            git.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
        }
        String head = repository.head();

        assertThatThrownBy(() -> hosting.save(request)).isInstanceOf(GitException.class)
                .hasMessageContaining("already holds commits that are not this config repository's");

        assertThat(repository.head()).isEqualTo(head);
        assertThat(repository.read("MOVED.md")).isEmpty();
        assertThat(messages(ROOT.resolve("gitea/strangers/plate-config.git"))).containsExactly("their first commit");
        assertThat(GITEA.repositories).as("not ours to delete").containsKey("strangers/plate-config");
        assertThat(jdbc.queryForObject("select count(*) from setting where name like 'git.%'", Long.class)).isZero();
        assertThat(repository.cloneUrl()).isEqualTo("http://localhost:8080/git/plate-config.git");
    }

    @Test
    @Order(3)
    void moving_to_gitea_keeps_the_history_and_every_later_deploy_lands_there() throws Exception {
        signInAs("mia", Role.MAINTAINER);
        deployments.importProject(new ImportRequest(new NewProject("shop", "", "ghcr.io/acme/shop", 8080, "/",
                List.of()), "1.0.0"));
        deployments.deploy(DeployRequest.image("shop", "staging", "1.1.0"));
        var before = commits(ROOT.resolve("data/git/plate-config.git"));
        await().atMost(Duration.ofSeconds(10)).until(() -> CLUSTER.application("shop-dev") != null);
        signInAs("root", Role.ADMIN);

        var status = hosting.save(new Request(Mode.GITEA, GITEA.url() + "/", "acme", Optional.of(FakeGitea.TOKEN),
                "argocd-bot", Optional.of("read-only-token")));

        String giteaUrl = (String) GITEA.repositories.get("acme/plate-config").get("clone_url");
        assertThat(status.state()).isEqualTo(State.UP);
        assertThat(status.detail()).contains("Moved").contains(giteaUrl);
        assertThat(repository.cloneUrl()).isEqualTo(giteaUrl);
        Path remote = ROOT.resolve("gitea/acme/plate-config.git");
        var moved = commits(remote);
        assertThat(moved.subList(1, moved.size())).as("every commit, the same SHAs").isEqualTo(before);
        assertThat(messages(remote).getFirst()).isEqualTo("point the Argo CD Applications at " + giteaUrl);
        // An import that built its files before the move commits them after it, naming the old place.
        repository.commit(dev.plate.gitops.ChangeSet.writing("import in flight", new dev.plate.gitops.ChangeSet.Author(
                "mia", "mia@users.plate.local"), java.util.Map.of(RepoLayout.applicationFile("shop", "dev"),
                new String(repository.read(RepoLayout.applicationFile("shop", "dev")).orElseThrow(), StandardCharsets.UTF_8)
                        .replace(giteaUrl, "http://localhost:8080/git/plate-config.git").getBytes(StandardCharsets.UTF_8))));
        // A second pass, a little later, points it at the new place again.
        await().atMost(Duration.ofSeconds(15)).until(() -> new String(repository.read(
                RepoLayout.applicationFile("shop", "dev")).orElseThrow(), StandardCharsets.UTF_8).contains(giteaUrl));
        for (String env : List.of("dev", "staging", "prod")) {
            assertThat(new String(repository.read(RepoLayout.applicationFile("shop", env)).orElseThrow(),
                    StandardCharsets.UTF_8)).contains("repoURL: \"" + giteaUrl + "\"");
        }
        // The old place: sealed, with a note saying where the history went.
        var embedded = messages(ROOT.resolve("data/git/plate-config.git"));
        assertThat(embedded.getFirst()).isEqualTo("move the config repository to " + giteaUrl);
        try (var git = Git.open(ROOT.resolve("data/git/plate-config.git").toFile())) {
            var note = git.getRepository().open(git.getRepository().resolve("main:MOVED.md")).getBytes();
            assertThat(new String(note, StandardCharsets.UTF_8)).contains("Plate moved it to " + giteaUrl);
        }
        // Stored: tokens sealed, audited, reported.
        assertThat(jdbc.queryForList("select setting_value from setting where name in ('git.gitea.token', "
                + "'git.gitea.read-token')", String.class)).hasSize(2).allMatch(value -> value.startsWith("v1:"))
                .noneMatch(value -> value.contains(FakeGitea.TOKEN) || value.contains("read-only-token"));
        assertThat(jdbc.queryForObject("select details from audit_event where action = 'integration.git.saved'",
                String.class)).contains("moved from http://localhost:8080/git/plate-config.git to " + giteaUrl);
        var current = hosting.current();
        assertThat(current).extracting(RepositoryHosting.Current::mode, RepositoryHosting.Current::url,
                RepositoryHosting.Current::source, RepositoryHosting.Current::tokenSaved,
                RepositoryHosting.Current::readTokenSaved).containsExactly(Mode.GITEA, GITEA.url(), "saved", true, true);
        assertThat(health.currentStatus()).anySatisfy(check -> {
            assertThat(check.component()).isEqualTo("Gitea");
            assertThat(check.state()).isEqualTo(State.UP);
        });
        // Argo CD follows: Applications and AppProject name the new place, its Secret holds the read token.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String env : List.of("dev", "staging", "prod")) {
                assertThat((Object) CLUSTER.application("shop-" + env).get("spec", "source", "repoURL"))
                        .isEqualTo(giteaUrl);
            }
            assertThat(CLUSTER.appProject("shop").get("spec", "sourceRepos").toString()).contains(giteaUrl);
        });
        var secret = CLUSTER.client().secrets().inNamespace(ArgoCdCluster.NAMESPACE).withName("plate-config-repository")
                .get();
        assertThat(decode(secret.getData().get("url"))).isEqualTo(giteaUrl);
        assertThat(decode(secret.getData().get("username"))).isEqualTo("argocd-bot");
        assertThat(decode(secret.getData().get("password"))).isEqualTo("read-only-token");
        // Webhooks on the new repository.
        assertThat(GITEA.hooks.get("acme/plate-config")).extracting(hook -> hook.get("type")).contains("gitea");

        signInAs("mia", Role.MAINTAINER);
        var deployed = deployments.deploy(DeployRequest.image("shop", "staging", "1.2.0"));
        assertThat(commits(remote).getFirst()).isEqualTo(deployed.toRevision());
        assertThat(messages(remote).getFirst()).isEqualTo("deploy shop to staging: image 1.2.0");
    }

    @Test
    @Order(4)
    void moving_back_to_the_embedded_server_brings_what_was_committed_on_gitea() throws Exception {
        signInAs("root", Role.ADMIN);
        Path remote = ROOT.resolve("gitea/acme/plate-config.git");
        var onGitea = commits(remote);

        hosting.save(Request.embedded());

        assertThat(repository.cloneUrl()).isEqualTo("http://localhost:8080/git/plate-config.git");
        var embedded = commits(ROOT.resolve("data/git/plate-config.git"));
        assertThat(embedded.subList(1, embedded.size())).isEqualTo(onGitea);
        assertThat(messages(ROOT.resolve("data/git/plate-config.git")).getFirst())
                .isEqualTo("point the Argo CD Applications at http://localhost:8080/git/plate-config.git");
        assertThat(repository.read("MOVED.md")).isEmpty();
        assertThat(messages(remote).getFirst()).startsWith("move the config repository to http://localhost:8080/");
        assertThat(hosting.current().mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(hosting.gitea()).isEmpty();
        signInAs("mia", Role.MAINTAINER);
        var deployed = deployments.deploy(DeployRequest.image("shop", "prod", "1.2.0"));
        assertThat(repository.head()).isEqualTo(deployed.toRevision());
    }

    /** In the browser this time: Admin → Integrations, confirm, and the page says where the repository is now. */
    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void an_admin_moves_it_to_gitea_again_in_admin_integrations() throws Exception {
        login("root", Role.ADMIN);
        UI.getCurrent().navigate("admin/integrations");
        var page = _get(Div.class, spec -> spec.withClasses("plate-page"));
        assertThat(page.getElement().getTextRecursively())
                .contains("In use: http://localhost:8080/git/plate-config.git (saved here).");

        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("Where the config repository lives")),
                Mode.GITEA);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Gitea URL")), GITEA.url());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Organisation")), "acme");
        var token = _get(PasswordField.class, spec -> spec.withLabel("Access token"));
        assertThat(token.getValue()).as("write-only").isEmpty();
        assertThat(token.getPlaceholder()).as("the embedded server keeps no Gitea token").isEmpty();
        _setValue(token, FakeGitea.TOKEN);
        _click(_get(Button.class, spec -> spec.withId("git-save")));
        var dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Move the config repository?");
        assertThat(repository.cloneUrl()).as("nothing moves before the confirmation")
                .isEqualTo("http://localhost:8080/git/plate-config.git");
        _click(_get(dialog, Button.class, spec -> spec.withText("Move")));

        String giteaUrl = (String) GITEA.repositories.get("acme/plate-config").get("clone_url");
        assertThat(repository.cloneUrl()).isEqualTo(giteaUrl);
        assertThat(_get(Div.class, spec -> spec.withAttribute("data-result", "git")).getElement().getTextRecursively())
                .contains("Moved: the config repository is now " + giteaUrl);
        assertThat(page.getElement().getTextRecursively()).contains("In use: " + giteaUrl + " (saved here).");
        assertThat(token.getValue()).isEmpty();
        assertThat(token.getPlaceholder()).startsWith("Saved (encrypted, not shown)");
        assertThat(messages(ROOT.resolve("gitea/acme/plate-config.git")).getFirst())
                .isEqualTo("point the Argo CD Applications at " + giteaUrl);
        assertThat(messages(ROOT.resolve("gitea/acme/plate-config.git")))
                .as("the seal Gitea got when it was left is gone from the branch")
                .doesNotContain("move the config repository to http://localhost:8080/git/plate-config.git");
    }

    private static Request gitea(String url, String organisation, String token) {
        return new Request(Mode.GITEA, url, organisation, token.isEmpty() ? Optional.empty() : Optional.of(token), "",
                Optional.empty());
    }

    private void signInAs(String name, Role role) {
        var authorities = role.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, authorities));
    }

    private static String decode(String value) {
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }



    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> commits(Path repository) throws Exception {
        try (var git = Git.open(repository.toFile())) {
            var names = new ArrayList<String>();
            for (RevCommit commit : git.log().call()) {
                names.add(commit.name());
            }
            return names;
        }
    }

    private static List<String> messages(Path repository) throws Exception {
        try (var git = Git.open(repository.toFile())) {
            var names = new ArrayList<String>();
            for (RevCommit commit : git.log().call()) {
                names.add(commit.getShortMessage());
            }
            return names;
        }
    }
}
