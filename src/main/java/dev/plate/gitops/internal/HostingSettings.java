package dev.plate.gitops.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaHost;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.gitops.ConfigRepositoryBackends.Backend;
import dev.plate.gitops.ConfigRepositoryBackends.Opened;
import dev.plate.gitops.ConfigRepositoryMoved;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.gitops.internal.SavedPlace.Place;
import dev.plate.security.CurrentUser;
import dev.plate.settings.Settings;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the config repository lives (Admin → Integrations): what is in use, a test of a place, and the move when an
 * admin saves another place. The saved setting is {@link SavedPlace}, a request's validation {@link HostingRequests},
 * other instances' following {@link HostingFollower}.
 */
@Service
class HostingSettings implements RepositoryHosting {

    private static final Logger LOG = LoggerFactory.getLogger(HostingSettings.class);

    private final Settings settings;
    private final GiteaProperties environment;
    private final GiteaClient client;
    private final ConfigRepositoryBackends backends;
    private final SwitchingConfigRepository repository;
    private final GitProperties git;
    private final AuditLog audit;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final HostingFollower follower;

    HostingSettings(Settings settings, GiteaProperties environment, GiteaClient client,
            ConfigRepositoryBackends backends, SwitchingConfigRepository repository, GitProperties git, AuditLog audit,
            CurrentUser user, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager, HostingFollower follower) {
        this.follower = follower;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.environment = environment;
        this.client = client;
        this.backends = backends;
        this.repository = repository;
        this.git = git;
        this.audit = audit;
        this.user = user;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Current current() {
        Backend active = repository.active();
        var host = active.gitea();
        return new Current(active.mode(), host.map(h -> h.connection().baseUrl()).orElse(""),
                host.map(h -> h.connection().organisation()).orElse(""),
                host.map(h -> !h.connection().token().isBlank()).orElse(false),
                host.map(GiteaHost::readUsername).orElse(""), host.flatMap(GiteaHost::readCredential).isPresent(),
                active.repository().cloneUrl(), active.source());
    }

    @Override
    public Optional<GiteaHost> gitea() {
        return repository.active().gitea();
    }

    @Override
    public ComponentStatus test(Request request) {
        Place place = HostingRequests.complete(request, this::knownHost, environment.timeout());
        if (place.gitea().isEmpty()) {
            return new ComponentStatus("Git", State.UP, "Plate's embedded Git server: " + backends.embeddedUrl());
        }
        var connection = place.gitea().get().connection();
        try {
            var info = client.check(connection);
            client.checkOrganisation(connection);
            var existing = client.findRepository(connection, git.repositoryName());
            return new ComponentStatus("Gitea", State.UP, "Gitea " + info.version() + " as " + info.user()
                    + ": the connection works. " + existing.map(found -> found.fullName() + (found.empty()
                            ? " exists and is empty." : " exists; Plate moves there only if it holds nothing but "
                            + "this config repository's history."))
                            .orElse(connection.organisation() + "/" + git.repositoryName() + " will be created."));
        } catch (GiteaException e) {
            return new ComponentStatus("Gitea", State.DOWN, e.getMessage());
        }
    }

    @Override
    public ComponentStatus save(Request request) {
        String actor = actor();
        Place wanted = HostingRequests.complete(request, this::knownHost, environment.timeout());
        // What was in use is read under the same lock as the switch: a follow in between cannot change it.
        var switched = follower.saving(() -> {
            Backend before = repository.active();
            return java.util.List.of(before, switchTo(before, wanted, actor));
        });
        String from = switched.get(0).repository().cloneUrl();
        String to = switched.get(1).repository().cloneUrl();
        if (!from.equals(to)) {
            events.publishEvent(new ConfigRepositoryMoved(from, to, actor));
            return new ComponentStatus("Git", State.UP, "Moved: the config repository is now " + to
                    + ", with its whole history. " + from + " is sealed with a note saying where it went.");
        }
        return new ComponentStatus("Git", State.UP, "Saved: the config repository stays at " + to + ".");
    }

    /**
     * Opens the new place and pushes the history there while this instance still commits; then, with no commit
     * in flight, seals the old place, pushes the rest, stores the setting and switches over.
     */
    private Backend switchTo(Backend current, Place wanted, String actor) {
        Opened opened = null;
        Backend next;
        if (wanted.gitea().isEmpty()) {
            next = backends.embedded("saved");
        } else if (current.gitea().equals(wanted.gitea())) {
            next = new Backend(current.repository(), Mode.GITEA, wanted.gitea(), "saved");
        } else {
            try {
                opened = backends.gitea(wanted.gitea().get(), "saved");
            } catch (GiteaException e) {
                throw HostingRequests.refusal(e);
            }
            next = opened.backend();
        }
        String pushUser;
        boolean moving = !next.repository().cloneUrl().equals(current.repository().cloneUrl());
        var author = new ChangeSet.Author(actor, actor + "@users.plate.local");
        String targetHead = null;
        try {
            pushUser = user(next);
            if (moving) {
                targetHead = backends.prepareMove(current, next);
            }
        } catch (GiteaException e) {
            forgetQuietly(opened);
            throw HostingRequests.refusal(e);
        } catch (RuntimeException e) {
            forgetQuietly(opened);
            throw e;
        }
        var pushedUpTo = targetHead;
        var target = next;
        var created = opened;
        return repository.exclusively(() -> {
            if (moving) {
                try {
                    backends.completeMove(current, target, pushedUpTo, note(target, actor), author);
                } catch (RuntimeException e) {
                    forgetQuietly(created);
                    throw e;
                }
            }
            try {
                transactions.executeWithoutResult(status -> {
                    SavedPlace.store(settings, wanted, actor, target.repository().cloneUrl(), pushUser);
                    audit.record(actor, "integration.git.saved", "integration:git", wanted.where(git) + (moving
                            ? ", moved from " + current.repository().cloneUrl() + " to "
                                    + target.repository().cloneUrl() : ", not moved"));
                });
            } catch (RuntimeException e) {
                if (moving) {
                    backends.unseal(current, author, e);
                }
                throw e;
            }
            follower.saved();
            repository.use(target);
            LOG.info("Config repository: {} ({})", target.repository().cloneUrl(), moving ? "moved here" : "saved");
            return target;
        });
    }

    /** The Gitea account whose token Plate pushes with (as Gitea names it). */
    private String user(Backend next) {
        return next.gitea().map(host -> client.check(host.connection()).user()).orElse("");
    }

    private String note(Backend next, String actor) {
        return "# This config repository moved\n\nPlate moved it to " + next.repository().cloneUrl() + " on "
                + clock.instant() + " (" + actor + "), with its whole history. Plate no longer commits here: clone "
                + "the new one, and point anything that still reads this one there (Plate re-points Argo CD).\n";
    }

    private void forgetQuietly(Opened opened) {
        if (opened == null) {
            return;
        }
        try {
            backends.forget(opened);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the Gitea repository created for a move that failed: {}", e.getMessage());
        }
    }

    /** The Gitea in use or saved for this very server, whose tokens may be kept when the admin leaves them empty. */
    private Optional<GiteaHost> knownHost(String url) {
        return repository.active().gitea().or(environment::host)
                .filter(host -> host.connection().baseUrl().replaceAll("/+$", "").equals(url));
    }

    private String actor() {
        return user.name();
    }
}
