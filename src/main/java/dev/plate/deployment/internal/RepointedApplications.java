package dev.plate.deployment.internal;

import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.ConfigRepositoryMoved;
import dev.plate.gitops.RepoLayout;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After the config repository moved: every {@code application.yaml} in it names the new place (one commit, by
 * the admin who moved it, so a cluster rebuilt from the repository reads the right one), and Argo CD's
 * Applications and AppProjects are written again with it.
 */
@Component
class RepointedApplications {

    private static final Logger LOG = LoggerFactory.getLogger(RepointedApplications.class);

    private final ArgoCdSync argoCd;
    private final ConfigFiles files;
    private final ConfigRepository repository;
    private final Actors actors;

    RepointedApplications(ArgoCdSync argoCd, ConfigFiles files, ConfigRepository repository, Actors actors) {
        this.argoCd = argoCd;
        this.files = files;
        this.repository = repository;
        this.actors = actors;
    }

    @EventListener
    void moved(ConfigRepositoryMoved moved) {
        var changed = new LinkedHashMap<String, byte[]>();
        argoCd.wanted().forEach((project, envs) -> {
            for (EnvironmentSummary env : envs) {
                changed.put(RepoLayout.applicationFile(project, env.name()),
                        files.application(project, env, moved.toUrl()));
            }
        });
        try {
            if (!changed.isEmpty()) {
                repository.commit(ChangeSet.writing("point the Argo CD Applications at " + moved.toUrl(),
                        actors.author(moved.actor()), changed));
            }
        } catch (RuntimeException e) {
            LOG.error("The config repository moved, but its application.yaml files still name {}: {}",
                    moved.fromUrl(), e.getMessage());
        }
        argoCd.reapplyAll();
    }
}
