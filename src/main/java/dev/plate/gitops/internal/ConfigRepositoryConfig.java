package dev.plate.gitops.internal;

import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The config repository every service uses ({@link SwitchingConfigRepository}), opened where it lives at its first
 * use, with a first commit saying what it holds when it is empty.
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

    /**
     * Where an admin saved it (Admin → Integrations), else on the Gitea of {@code PLATE_GITEA_*} (the repository
     * is created in its organisation if missing, and Plate works in a local clone under {@code <data>/work/}),
     * else on the embedded server.
     */
    @Bean
    SwitchingConfigRepository configRepository(ConfigRepositoryBackends configRepositoryBackends, Settings settings,
            GiteaProperties gitea) {
        return new SwitchingConfigRepository(() -> {
            var place = SavedPlace.initial(settings, gitea, configRepositoryBackends);
            if (place.repository().head().isEmpty()) {
                place.repository().commit(ChangeSet.writing("Create the config repository",
                        new ChangeSet.Author("Plate", "plate@localhost"),
                        Map.of("README.md", README.getBytes(StandardCharsets.UTF_8))));
            }
            return place;
        });
    }
}
