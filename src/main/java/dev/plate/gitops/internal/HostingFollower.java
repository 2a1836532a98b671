package dev.plate.gitops.internal;

import dev.plate.base.ValidationException;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.gitops.ConfigRepositoryBackends.Backend;
import dev.plate.gitops.ConfigRepositoryMoved;
import dev.plate.settings.Settings;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance on the place saved on any instance: it looks every 15 seconds, and at once when a commit meets
 * the sealed old place. A save here goes ahead only if this instance has seen the latest save (else it follows that
 * one and the admin decides again).
 */
@Component
class HostingFollower {

    private static final Logger LOG = LoggerFactory.getLogger(HostingFollower.class);

    private final Settings settings;
    private final GiteaProperties environment;
    private final ConfigRepositoryBackends backends;
    private final SwitchingConfigRepository repository;
    private final ApplicationEventPublisher events;
    /**
     * The saved rows this instance last applied, to notice a save made on another instance: noted just before the
     * repository is opened at its first use (not at creation: the start does not wait for the database, ADR 0020).
     * Null only if it was opened before this existed; the first look then compares the places themselves.
     */
    private volatile Optional<Instant> applied;

    HostingFollower(Settings settings, GiteaProperties environment, ConfigRepositoryBackends backends,
            SwitchingConfigRepository repository, ApplicationEventPublisher events) {
        this.settings = settings;
        this.environment = environment;
        this.backends = backends;
        this.repository = repository;
        this.events = events;
        repository.onMoved(this::followAfterSeal);
        repository.beforeOpening(() -> applied = settings.lastChanged(SavedPlace.PREFIX));
    }

    /** Runs a save, one at a time and never alongside a follow, refused if another instance saved unseen. */
    synchronized <T> T saving(Supplier<T> save) {
        if (applied == null) {
            follow(true);
        }
        if (!settings.lastChanged(SavedPlace.PREFIX).equals(applied)) {
            // Saved on another instance since this one last looked: follow it, and let the admin decide again.
            follow(true);
            throw new ValidationException("mode", "The config repository's place was changed moments ago "
                    + "(now " + repository.cloneUrl() + "). Check it and save again if you still want to.");
        }
        return save.get();
    }

    /** This instance's own save is stored: nothing to follow. */
    void saved() {
        applied = settings.lastChanged(SavedPlace.PREFIX);
    }

    /** Another instance saved (or moved): follow, without moving anything. */
    @Scheduled(initialDelay = 15_000, fixedDelay = 15_000)
    void follow() {
        follow(false);
    }

    /**
     * A commit met a sealed repository: the place in use moved, whatever the timestamps say (a save may have
     * landed between this instance's start and its first look), so compare the saved place with the active one.
     */
    void followAfterSeal() {
        follow(true);
    }

    private synchronized void follow(boolean evenIfSeen) {
        var changed = settings.lastChanged(SavedPlace.PREFIX);
        if (!evenIfSeen && changed.equals(applied)) {
            return;
        }
        try {
            var place = SavedPlace.saved(settings, environment);
            if (place.isEmpty()) {
                applied = changed;
                return;
            }
            Backend current = repository.active();
            if (!current.gitea().equals(place.get().gitea()) || current.mode() != place.get().mode()) {
                String from = current.repository().cloneUrl();
                repository.use(SavedPlace.open(place.get(), "saved", backends));
                LOG.info("Config repository: following the setting saved on another instance: {}",
                        repository.cloneUrl());
                // What points at the old place follows here too (idempotent: unchanged files make no commit).
                events.publishEvent(new ConfigRepositoryMoved(from, repository.cloneUrl(), "system"));
            }
            applied = changed;
        } catch (RuntimeException e) {
            LOG.error("Config repository: cannot use the saved setting yet ({}); trying again", e.getMessage());
        }
    }
}
