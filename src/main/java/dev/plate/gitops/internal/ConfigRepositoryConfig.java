package dev.plate.gitops.internal;

import dev.plate.base.PlateProperties;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitException;
import dev.plate.gitops.GitProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Git server's config repository: a bare repository under {@code <data>/git/} that the server
 * publishes, and Plate's working clone of it under {@code <data>/work/}. Both are created on first start.
 */
@Configuration(proxyBeanMethods = false)
class ConfigRepositoryConfig {

    @Bean
    Git configRepositoryClone(PlateProperties plate, GitProperties git, Clock clock) {
        Path bare = EmbeddedRepositories.root(plate).resolve(git.repositoryName() + ".git");
        Path work = plate.dataDir().resolve("work").resolve(git.repositoryName()).toAbsolutePath().normalize();
        try {
            if (!Files.exists(bare)) {
                Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch(JGitConfigRepository.BRANCH)
                        .call().close();
            }
            if (!Files.exists(work.resolve(".git"))) {
                Files.createDirectories(work.getParent());
                return cloneOrSeed(bare, work, clock);
            }
            return Git.open(work.toFile());
        } catch (IOException | GitAPIException e) {
            throw new GitException("Cannot open the config repository at " + bare + ": " + e.getMessage(), e);
        }
    }

    @Bean
    ConfigRepository configRepository(Git configRepositoryClone, GitProperties git, Clock clock) {
        String url = git.publicUrl().replaceAll("/+$", "") + "/git/" + git.repositoryName() + ".git";
        return new JGitConfigRepository(configRepositoryClone, url, clock);
    }

    /**
     * Clones the bare repository; when it is still empty, makes the first commit instead, so the branch exists
     * for everyone who clones. (JGit ignores the branch when cloning an empty repository, hence init + push.)
     */
    private static Git cloneOrSeed(Path bare, Path work, Clock clock) throws IOException, GitAPIException {
        boolean empty;
        try (var repository = Git.open(bare.toFile())) {
            empty = repository.getRepository().resolve("refs/heads/" + JGitConfigRepository.BRANCH) == null;
        }
        if (!empty) {
            return Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(work.toFile())
                    .setBranch(JGitConfigRepository.BRANCH).call();
        }
        var git = Git.init().setDirectory(work.toFile()).setInitialBranch(JGitConfigRepository.BRANCH).call();
        git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toURL())).call();
        Files.writeString(work.resolve("README.md"), """
                # Plate config repository

                Written by Plate: every change is a commit made on a user's behalf.

                - `environments/<env>.yaml`: each environment and where it deploys
                - `charts/<app>/`: the Helm chart generated for each project
                - `applications/<app>/<env>/values.yaml`: each project's settings per environment
                - `applications/<app>/<env>/application.yaml`: the Argo CD Application for it
                """);
        git.add().addFilepattern("README.md").call();
        var plate = new PersonIdent("Plate", "plate@localhost", clock.instant(), clock.getZone());
        git.commit().setMessage("Create the config repository").setAuthor(plate).setCommitter(plate)
                .setSign(false).call();
        String branch = "refs/heads/" + JGitConfigRepository.BRANCH;
        git.push().setRemote("origin").setRefSpecs(new RefSpec(branch + ":" + branch)).call();
        git.fetch().setRemote("origin").call();
        return git;
    }
}
