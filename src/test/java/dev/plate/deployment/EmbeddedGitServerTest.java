package dev.plate.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.gitops.RepoLayout;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The real git command line against Plate's embedded smart-HTTP server, as a user or Argo CD would use it. */
class EmbeddedGitServerTest extends GitOpsTestBase {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.plate.tokens.ApiTokens tokens;

    @TempDir
    Path dir;

    @Test
    void git_clones_and_fetches_what_plate_committed() throws Exception {
        signInAs("dana", Role.DEVELOPER);
        String name = uniqueName("api");
        deployments.importProject(new ImportRequest(project(name), "1.0.0"));

        var clone = git(dir, "clone", url("admin", PlateTest.ADMIN_PASSWORD), "repo");
        assertThat(clone.exit()).as(clone.output()).isZero();
        Path values = dir.resolve("repo").resolve(RepoLayout.valuesFile(name, "dev"));
        assertThat(Files.readString(values)).contains("tag: \"1.0.0\"");

        deployments.deploy(DeployRequest.image(name, "dev", "1.1.0"));
        var fetch = git(dir.resolve("repo"), "pull", "--ff-only");
        assertThat(fetch.exit()).as(fetch.output()).isZero();
        assertThat(Files.readString(values)).contains("tag: \"1.1.0\"");
        var log = git(dir.resolve("repo"), "log", "-1", "--format=%an|%s");
        assertThat(log.output().strip()).isEqualTo("dana|deploy " + name + " to dev: image 1.1.0");
    }

    @Test
    void cloning_without_or_with_wrong_credentials_is_refused() throws Exception {
        var anonymous = git(dir, "clone", "http://localhost:" + port + "/git/plate-config.git", "anon");
        var wrong = git(dir, "clone", url("admin", "not-the-password"), "wrong");

        assertThat(anonymous.exit()).isNotZero();
        assertThat(anonymous.output()).containsIgnoringCase("Authentication failed");
        assertThat(wrong.exit()).isNotZero();
        assertThat(Files.exists(dir.resolve("anon"))).isFalse();
    }

    @Test
    void an_access_token_clones_in_place_of_a_password_until_it_is_revoked() throws Exception {
        signInAs("admin", Role.ADMIN);
        var token = tokens.create("argo-cd", 30);

        var clone = git(dir, "clone", url("argocd", token.token()), "with-token");
        assertThat(clone.exit()).as(clone.output()).isZero();
        assertThat(Files.exists(dir.resolve("with-token").resolve("README.md"))).isTrue();

        tokens.revoke(token.summary().id());
        var refused = git(dir, "clone", url("argocd", token.token()), "revoked");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("Authentication failed");
    }

    @Test
    void pushing_to_the_embedded_server_is_refused_even_for_an_admin() throws Exception {
        assertThat(git(dir, "clone", url("admin", PlateTest.ADMIN_PASSWORD), "repo").exit()).isZero();
        Path repo = dir.resolve("repo");
        Files.writeString(repo.resolve("evil.txt"), "x");
        git(repo, "add", "evil.txt");
        git(repo, "-c", "user.name=x", "-c", "user.email=x@x", "commit", "-m", "evil");
        String before = repository.head();

        var push = git(repo, "push", "origin", "HEAD:main");

        assertThat(push.exit()).isNotZero();
        assertThat(push.output()).as("git shows the reason, as it does for a git host's refusal")
                .contains("remote: Plate writes this repository itself");
        try (var bare = bare()) {
            assertThat(bare.head()).isEqualTo(before);
        }
    }

    @Test
    void a_repository_outside_the_git_root_is_not_found() throws Exception {
        var traversal = git(dir, "clone", "http://admin:" + PlateTest.ADMIN_PASSWORD + "@localhost:" + port
                + "/git/..%2F..%2Fetc.git", "x");
        var unknown = git(dir, "clone", "http://admin:" + PlateTest.ADMIN_PASSWORD + "@localhost:" + port
                + "/git/nope.git", "y");

        assertThat(traversal.exit()).isNotZero();
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).containsAnyOf("not found", "404");
    }

    private String url(String user, String password) {
        return "http://" + user + ":" + password + "@localhost:" + port + "/git/plate-config.git";
    }

    record Result(int exit, String output) {}

    /** The system's git, with no credential helper or prompt that could hang the test. */
    static Result git(Path workdir, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("git", "-c", "credential.helper=", "-c",
                "core.askPass=true"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
