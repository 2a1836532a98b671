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

    private final dev.plate.deployment.ClusterDelivery delivery;
    private final dev.plate.deployment.ProjectPlacements placements;
    private final ConfigFiles files;
    private final ConfigRepository repository;
    private final Actors actors;
    private final org.springframework.scheduling.TaskScheduler scheduler;
    private final java.time.Duration again;

    RepointedApplications(dev.plate.deployment.ClusterDelivery delivery,
            dev.plate.deployment.ProjectPlacements placements, ConfigFiles files, ConfigRepository repository, Actors actors,
            @org.springframework.beans.factory.annotation.Qualifier("taskScheduler")
            org.springframework.scheduling.TaskScheduler scheduler,
            @org.springframework.beans.factory.annotation.Value("${plate.git.repoint-again-after:30s}")
            java.time.Duration again) {
        this.delivery = delivery;
        this.placements = placements;
        this.files = files;
        this.repository = repository;
        this.actors = actors;
        this.scheduler = scheduler;
        this.again = again;
    }

    /**
     * Now, and once more a little later: an import that built its files before the move may commit them (naming
     * the old place) after it, and its project is only in the database once its transaction ends.
     */
    @EventListener
    void moved(ConfigRepositoryMoved moved) {
        repoint(moved);
        scheduler.schedule(() -> repoint(moved), java.time.Instant.now().plus(again));
    }

    private void repoint(ConfigRepositoryMoved moved) {
        if (!repository.cloneUrl().equals(moved.toUrl())) {
            return; // moved again since: that move re-points
        }
        var changed = new LinkedHashMap<String, byte[]>();
        placements.byProject().forEach((project, envs) -> {
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
        delivery.repositoryMoved();
    }
}
