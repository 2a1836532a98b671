package dev.plate.git.internal;

import dev.plate.base.PlateProperties;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitops.GitException;
import dev.plate.gitops.GitProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Git server's config repository: a bare repository under {@code <data>/git/}, published by
 * {@link EmbeddedGitServer} and written in place by {@link BareConfigRepository}. Created on first start. With it,
 * the places the config repository can live ({@link Backends}), for module gitops to choose from.
 */
@Configuration(proxyBeanMethods = false)
class BackendsConfig {

    @Bean
    Repository configBareRepository(PlateProperties plate, GitProperties git) {
        Path bare = EmbeddedRepositories.root(plate).resolve(git.repositoryName() + ".git");
        try {
            if (!Files.exists(bare)) {
                Files.createDirectories(bare.getParent());
                Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
            }
            return new FileRepositoryBuilder().setGitDir(bare.toFile()).setMustExist(true).setBare().build();
        } catch (IOException | GitAPIException e) {
            throw new GitException("Cannot open the config repository at " + bare + ": " + e.getMessage(), e);
        }
    }

    @Bean
    Backends configRepositoryBackends(Repository configBareRepository, GitProperties git, GiteaClient giteaClient,
            PlateProperties plate, Clock clock) {
        return new Backends(configBareRepository, git, giteaClient, plate, clock);
    }
}
