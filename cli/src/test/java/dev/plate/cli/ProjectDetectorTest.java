package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDetectorTest {

    @TempDir
    Path dir;

    @Test
    void readsNameSourceAndImageFromTheOriginRemoteWithoutItsCredentials() throws IOException {
        Path project = Files.createDirectories(dir.resolve("checkout"));
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/config"), """
                [core]
                \trepositoryformatversion = 0
                [remote "upstream"]
                \turl = https://github.com/other/thing.git
                [remote "origin"]
                \turl = https://deploy:s3cret@github.com/Acme/Web_App.git
                \tfetch = +refs/heads/*:refs/remotes/origin/*
                """);
        var detected = ProjectDetector.detect(project);
        assertThat(detected.name().value()).isEqualTo("web-app");
        assertThat(detected.sourceRepoUrl()).map(ProjectDetector.Detected::value)
                .contains("https://github.com/Acme/Web_App.git");
        assertThat(detected.imageRepository()).map(ProjectDetector.Detected::value).contains("ghcr.io/acme/web_app");
    }

    /** A service inside a repository (a monorepo) is a project of its own, named after its directory. */
    @Test
    void aSubdirectoryOfACheckoutAndAWorktreeFindTheRepositoryAndNameTheService() throws IOException {
        Path main = Files.createDirectories(dir.resolve("main/.git/worktrees/wt"));
        Files.writeString(dir.resolve("main/.git/config"), "[remote \"origin\"]\n  url = git@gitlab.com:team/shop.git\n");
        Files.writeString(main.resolve("commondir"), "../..\n");
        Path billing = Files.createDirectories(dir.resolve("wt/services/billing"));
        Path search = Files.createDirectories(dir.resolve("wt/services/search"));
        Files.writeString(dir.resolve("wt/.git"), "gitdir: " + main + "\n");

        var detected = ProjectDetector.detect(billing);

        assertThat(detected.sourceRepoUrl()).map(ProjectDetector.Detected::value)
                .contains("git@gitlab.com:team/shop.git");
        assertThat(detected.name().value()).isEqualTo("billing");
        assertThat(detected.name().source()).contains("inside its repository");
        assertThat(detected.imageRepository()).map(ProjectDetector.Detected::value)
                .contains("registry.gitlab.com/team/shop/billing");
        assertThat(ProjectDetector.detect(search).name().value()).isEqualTo("search");
        assertThat(ProjectDetector.detect(dir.resolve("wt")).name().value()).as("the checkout itself").isEqualTo("shop");
    }

    @Test
    void withoutGitTheDirectoryNamesTheProjectAndNoImageIsGuessed() throws IOException {
        Path project = Files.createDirectories(dir.resolve("9_My Service!"));
        var detected = ProjectDetector.detect(project);
        assertThat(detected.name().value()).isEqualTo("my-service");
        assertThat(detected.name().source()).isEqualTo("the directory name");
        assertThat(detected.sourceRepoUrl()).isEmpty();
        assertThat(detected.imageRepository()).isEmpty();
    }

    @Test
    void namesAreCutToFiftyThreeCharactersWithoutATrailingDash() {
        String name = ProjectDetector.projectName("a".repeat(52) + "-bcd");
        assertThat(name).hasSize(52).doesNotEndWith("-");
    }

    @Test
    void theLastStageOfAMultiStageDockerfileDecides() {
        var dockerfile = ProjectDetector.Dockerfile.parse(List.of(
                "# syntax=docker/dockerfile:1",
                "FROM maven:3 AS build",
                "EXPOSE 9999",
                "HEALTHCHECK CMD curl -f http://localhost:9999/build || exit 1",
                "FROM eclipse-temurin:25-jre",
                "ARG PORT=3000",
                "EXPOSE ${PORT}/tcp 9090",
                "HEALTHCHECK --interval=30s --timeout=3s \\",
                "  CMD wget -qO- http://127.0.0.1:3000/healthz?probe=1 || exit 1"));
        assertThat(dockerfile.port()).contains("3000");
        assertThat(dockerfile.healthPath()).contains("/healthz");
    }

    @Test
    void unresolvableOrAbsentValuesAreNotGuessed() {
        var dockerfile = ProjectDetector.Dockerfile.parse(List.of("FROM nginx", "EXPOSE $UNKNOWN",
                "HEALTHCHECK NONE"));
        assertThat(dockerfile.port()).isEmpty();
        assertThat(dockerfile.healthPath()).isEmpty();
        var legacyEnv = ProjectDetector.Dockerfile.parse(List.of("FROM node", "ENV PORT 8081", "EXPOSE $PORT",
                "HEALTHCHECK CMD node healthcheck.js"));
        assertThat(legacyEnv.port()).contains("8081");
        assertThat(legacyEnv.healthPath()).isEmpty();
    }

    @Test
    void aHealthcheckUrlWithoutAPathMeansTheRoot() {
        var dockerfile = ProjectDetector.Dockerfile.parse(List.of("FROM x", "EXPOSE 80",
                "HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost\"]"));
        assertThat(dockerfile.healthPath()).contains("/");
    }

    @Test
    void sshUrlsAndUnknownHostsKeepTheirShapeAndGuessNoRegistry() {
        assertThat(ProjectDetector.withoutCredentials("ssh://git@example.com/org/repo.git"))
                .isEqualTo("ssh://git@example.com/org/repo.git");
        assertThat(ProjectDetector.registryFor("https://git.example.com/org/repo.git")).isEqualTo(Optional.empty());
        assertThat(ProjectDetector.repositoryName("git@github.com:org/repo.git")).isEqualTo("repo");
    }
}
