package dev.plate.gitops.internal;

import dev.plate.base.PlateProperties;
import dev.plate.gitops.ChangeSet;
import dev.plate.settings.Settings;
import dev.plate.gitops.GitException;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.GitProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Git server's config repository: a bare repository under {@code <data>/git/}, published by
 * {@link EmbeddedGitServer} and written in place by {@link BareConfigRepository}. Created on first start.
 */
@Configuration(proxyBeanMethods = false)
class ConfigRepositoryConfig {

    private static final String README = """
            # Plate config repository

            Written by Plate: every change is a commit made on a user's behalf.

            - `environments/<env>.yaml`: each environment and where it deploys
            - `charts/<app>/`: the Helm chart generated for each project
            - `applications/<app>/<env>/values.yaml`: each project's settings per environment
            - `applications/<app>/<env>/application.yaml`: the Argo CD Application for it
            """;

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

    /**
     * Where an admin saved it (Admin → Integrations), else on the Gitea of {@code PLATE_GITEA_*} (the repository
     * is created in its organisation if missing, and Plate works in a local clone under {@code <data>/work/}),
     * else on the embedded server.
     */
    @Bean
    SwitchingConfigRepository configRepository(Backends configRepositoryBackends, Settings settings,
            GiteaProperties gitea) {
        var repository = new SwitchingConfigRepository(SavedPlace.initial(settings, gitea,
                configRepositoryBackends));
        if (repository.head().isEmpty()) {
            repository.commit(ChangeSet.writing("Create the config repository",
                    new ChangeSet.Author("Plate", "plate@localhost"),
                    Map.of("README.md", README.getBytes(StandardCharsets.UTF_8))));
        }
        return repository;
    }
}
