package dev.plate.gitops.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaConnection;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaHost;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepositoryMoved;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting;
import dev.plate.gitops.internal.SwitchingConfigRepository.Backend;
import dev.plate.settings.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the config repository lives, as saved in Admin → Integrations (stored in {@code setting}, tokens sealed,
 * taking precedence over {@code PLATE_GITEA_*}), and the move when an admin chooses another place. Other
 * instances follow a saved change within 15 seconds, or at once when a commit meets the sealed old place.
 */
@Service
class HostingSettings implements RepositoryHosting {

    private static final Logger LOG = LoggerFactory.getLogger(HostingSettings.class);
    static final String PREFIX = "git.";
    static final String MODE = "git.hosting";
    static final String URL = "git.gitea.url";
    static final String ORGANISATION = "git.gitea.organisation";
    static final String TOKEN = "git.gitea.token";
    static final String READ_USERNAME = "git.gitea.read-username";
    static final String READ_TOKEN = "git.gitea.read-token";
    /** Remembered from the last save, to open the repository while Gitea is down. */
    static final String CLONE_URL = "git.gitea.clone-url";
    static final String USER = "git.gitea.user";
    /** Gitea's rule for user and organisation names. */
    private static final Pattern GITEA_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,39}");
    private static final Pattern TOKEN_TEXT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** A place the repository can live. */
    record Place(Mode mode, Optional<GiteaHost> gitea) {

        static final Place EMBEDDED = new Place(Mode.EMBEDDED, Optional.empty());

        String where(GitProperties git) {
            return gitea.map(host -> "Gitea " + host.connection().baseUrl() + ", organisation "
                    + host.connection().organisation() + " (" + host.connection().organisation() + "/"
                    + git.repositoryName() + ")").orElse("Plate's embedded Git server");
        }
    }

    private final Settings settings;
    private final GiteaProperties environment;
    private final GiteaClient client;
    private final Backends backends;
    private final SwitchingConfigRepository repository;
    private final GitProperties git;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy securityContext;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    /** The saved rows this instance last applied, to notice a save made on another instance. */
    private volatile Optional<Instant> applied;

    HostingSettings(Settings settings, GiteaProperties environment, GiteaClient client, Backends backends,
            SwitchingConfigRepository repository, GitProperties git, AuditLog audit,
            SecurityContextHolderStrategy securityContext, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.environment = environment;
        this.client = client;
        this.backends = backends;
        this.repository = repository;
        this.git = git;
        this.audit = audit;
        this.securityContext = securityContext;
        this.events = events;
        this.clock = clock;
        this.applied = settings.lastChanged(PREFIX);
        repository.onMoved(this::followAfterSeal);
    }

    /**
     * Where the repository on the environment's Gitea ({@code PLATE_GITEA_*}) was found the last time it answered:
     * enough to start from the local clone while Gitea is down. (Not under {@link #PREFIX}: other instances follow
     * changes there.)
     */
    static final String ENVIRONMENT_CLONE_URL = "gitea-environment.clone-url";
    static final String ENVIRONMENT_USER = "gitea-environment.user";

    /**
     * The place to open at start: the saved one, else the environment's, else the embedded server. A Gitea that does
     * not answer does not stop the start (a pod restarting during a Gitea outage must not crash-loop): Plate starts
     * from its local clone, serves reads, and every commit is refused (503) until Gitea answers again.
     */
    static Backend initial(Settings settings, GiteaProperties environment, Backends backends) {
        var saved = saved(settings, environment);
        if (saved.isPresent()) {
            try {
                return open(saved.get(), "saved", backends);
            } catch (GiteaException e) {
                return offline(saved.get().gitea().orElseThrow(), settings.get(CLONE_URL), settings.get(USER), "saved",
                        backends, e);
            }
        }
        if (environment.host().isPresent()) {
            var host = environment.host().get();
            try {
                var opened = backends.gitea(host, "environment");
                rememberEnvironmentClone(settings, opened.backend().repository().cloneUrl(), opened.user());
                return opened.backend();
            } catch (GiteaException e) {
                return offline(host, settings.get(ENVIRONMENT_CLONE_URL), settings.get(ENVIRONMENT_USER), "environment",
                        backends, e);
            }
        }
        return backends.embedded("default");
    }

    private static void rememberEnvironmentClone(Settings settings, String cloneUrl, String user) {
        if (!settings.get(ENVIRONMENT_CLONE_URL).equals(Optional.of(cloneUrl))
                || !settings.get(ENVIRONMENT_USER).equals(Optional.of(user))) {
            settings.put(java.util.Map.of(ENVIRONMENT_CLONE_URL, Optional.of(cloneUrl), ENVIRONMENT_USER,
                    Optional.of(user)), java.util.Set.of(), "plate");
        }
    }

    private static Backend offline(GiteaHost host, Optional<String> cloneUrl, Optional<String> user, String source,
            Backends backends, GiteaException cause) {
        if (cloneUrl.isEmpty() || user.isEmpty()) {
            throw new GiteaException(cause.status(), "Gitea at " + host.connection().baseUrl() + " cannot be "
                    + "reached, and Plate has never cloned the config repository from it, so it cannot start without "
                    + "it: " + cause.getMessage(), cause);
        }
        LOG.error("Gitea cannot be reached ({}): starting with the local clone of {}; commits are refused until "
                + "Gitea answers again", cause.getMessage(), cloneUrl.get());
        return backends.giteaOffline(host, cloneUrl.get(), user.get(), source);
    }

    private static Optional<Place> saved(Settings settings, GiteaProperties environment) {
        return settings.get(MODE).map(mode -> Mode.valueOf(mode) == Mode.EMBEDDED ? Place.EMBEDDED
                : new Place(Mode.GITEA, Optional.of(new GiteaHost(new GiteaConnection(settings.get(URL).orElse(""),
                        settings.get(ORGANISATION).orElse(""), settings.get(TOKEN).orElse(""), environment.timeout()),
                        settings.get(READ_USERNAME).orElse(""), settings.get(READ_TOKEN).orElse("")))));
    }

    private static Backend open(Place place, String source, Backends backends) {
        return place.gitea().map(host -> backends.gitea(host, source).backend())
                .orElseGet(() -> backends.embedded(source));
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
        Place place = complete(request);
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
        Place wanted = complete(request);
        Backend before;
        Backend after;
        synchronized (this) {
            if (!settings.lastChanged(PREFIX).equals(applied)) {
                // Saved on another instance since this one last looked: follow it, and let the admin decide again.
                follow(true);
                throw new ValidationException("mode", "The config repository's place was changed moments ago "
                        + "(now " + repository.cloneUrl() + "). Check it and save again if you still want to.");
            }
            before = repository.active();
            after = switchTo(before, wanted, actor);
        }
        String from = before.repository().cloneUrl();
        String to = after.repository().cloneUrl();
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
        Backends.Opened opened = null;
        Backend next;
        if (wanted.gitea().isEmpty()) {
            next = backends.embedded("saved");
        } else if (current.gitea().equals(wanted.gitea())) {
            next = new Backend(current.repository(), Mode.GITEA, wanted.gitea(), "saved");
        } else {
            try {
                opened = backends.gitea(wanted.gitea().get(), "saved");
            } catch (GiteaException e) {
                throw refusal(e);
            }
            next = opened.backend();
        }
        String pushUser;
        boolean moving = !next.repository().cloneUrl().equals(current.repository().cloneUrl());
        var author = new ChangeSet.Author(actor, actor + "@users.plate.local");
        org.eclipse.jgit.lib.ObjectId targetHead = null;
        try {
            pushUser = user(next);
            if (moving) {
                targetHead = RepositoryMove.prepare(current.repository(), next.repository());
            }
        } catch (GiteaException e) {
            forgetQuietly(opened);
            throw refusal(e);
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
                    RepositoryMove.complete(current.repository(), target.repository(), pushedUpTo,
                            note(target, actor), author);
                } catch (RuntimeException e) {
                    forgetQuietly(created);
                    throw e;
                }
            }
            try {
                transactions.executeWithoutResult(status -> {
                    store(wanted, actor, target.repository().cloneUrl(), pushUser);
                    audit.record(actor, "integration.git.saved", "integration:git", wanted.where(git) + (moving
                            ? ", moved from " + current.repository().cloneUrl() + " to "
                                    + target.repository().cloneUrl() : ", not moved"));
                });
            } catch (RuntimeException e) {
                if (moving) {
                    RepositoryMove.unseal(current.repository(), author, e);
                }
                throw e;
            }
            applied = settings.lastChanged(PREFIX);
            repository.use(target);
            LOG.info("Config repository: {} ({})", target.repository().cloneUrl(), moving ? "moved here" : "saved");
            return target;
        });
    }

    private void store(Place wanted, String actor, String cloneUrl, String user) {
        var values = new LinkedHashMap<String, Optional<String>>();
        var host = wanted.gitea();
        values.put(MODE, Optional.of(wanted.mode().name()));
        values.put(URL, host.map(h -> h.connection().baseUrl()));
        values.put(ORGANISATION, host.map(h -> h.connection().organisation()));
        values.put(TOKEN, host.map(h -> h.connection().token()));
        values.put(READ_USERNAME, host.map(GiteaHost::readUsername).filter(name -> !name.isBlank()));
        values.put(READ_TOKEN, host.flatMap(GiteaHost::readCredential));
        values.put(CLONE_URL, host.map(h -> cloneUrl));
        values.put(USER, host.map(h -> user));
        settings.put(values, Set.of(TOKEN, READ_TOKEN), actor);
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

    private void forgetQuietly(Backends.Opened opened) {
        if (opened == null) {
            return;
        }
        try {
            backends.forget(opened);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the Gitea repository created for a move that failed: {}", e.getMessage());
        }
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
        var changed = settings.lastChanged(PREFIX);
        if (!evenIfSeen && changed.equals(applied)) {
            return;
        }
        try {
            var place = saved(settings, environment);
            if (place.isEmpty()) {
                applied = changed;
                return;
            }
            Backend current = repository.active();
            if (!current.gitea().equals(place.get().gitea()) || current.mode() != place.get().mode()) {
                String from = current.repository().cloneUrl();
                repository.use(open(place.get(), "saved", backends));
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

    /** Validates a request and fills in saved tokens — only for the same server, never sent to another one. */
    private Place complete(Request request) {
        if (request.mode() == null) {
            throw new ValidationException("mode", "Choose where the config repository lives: Plate's embedded Git "
                    + "server or a Gitea organisation.");
        }
        if (request.mode() == Mode.EMBEDDED) {
            return Place.EMBEDDED;
        }
        String url = giteaUrl(request.url());
        String organisation = blankToEmpty(request.organisation());
        if (!GITEA_NAME.matcher(organisation).matches()) {
            throw new ValidationException("organisation", organisation.isEmpty()
                    ? "Enter the Gitea organisation the config repository belongs to."
                    : "Not a Gitea organisation name: letters, digits, '_', '-' and '.', at most 40.");
        }
        var known = knownHost(url);
        String token = given(request.token()).or(() -> known.map(h -> h.connection().token()).filter(t -> !t.isBlank()))
                .orElseThrow(() -> new ValidationException("token", "Enter an access token of a Gitea user who "
                        + "may create and write repositories in " + organisation + "."));
        requireToken("token", token);
        String readUsername = blankToEmpty(request.readUsername());
        Optional<String> readToken = given(request.readToken())
                .or(() -> known.filter(h -> !readUsername.isEmpty()).flatMap(GiteaHost::readCredential));
        if (readUsername.isEmpty() != readToken.isEmpty()) {
            throw new ValidationException(readUsername.isEmpty() ? "readUsername" : "readToken",
                    "Give both the Gitea user Argo CD reads with and its token, or neither.");
        }
        if (!readUsername.isEmpty() && !GITEA_NAME.matcher(readUsername).matches()) {
            throw new ValidationException("readUsername", "Not a Gitea user name: letters, digits, '_', '-' and '.'.");
        }
        readToken.ifPresent(value -> requireToken("readToken", value));
        return new Place(Mode.GITEA, Optional.of(new GiteaHost(new GiteaConnection(url, organisation, token,
                environment.timeout()), readUsername, readToken.orElse(""))));
    }

    /** The Gitea in use or saved for this very server, whose tokens may be kept when the admin leaves them empty. */
    private Optional<GiteaHost> knownHost(String url) {
        return repository.active().gitea().or(environment::host)
                .filter(host -> host.connection().baseUrl().replaceAll("/+$", "").equals(url));
    }

    private static String giteaUrl(String value) {
        String url = blankToEmpty(value).replaceAll("/+$", "").replaceAll("/api/v1$", "");
        if (url.isEmpty()) {
            throw new ValidationException("url", "Enter the address of the Gitea server, e.g. https://gitea.example.com.");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null) {
                throw new ValidationException("url", "Enter the server's address with http:// or https://, e.g. "
                        + "https://gitea.example.com.");
            }
            if (uri.getRawUserInfo() != null) {
                throw new ValidationException("url", "Leave credentials out of the address: the token goes below.");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ValidationException("url", "The address of the Gitea server has no '?' or '#' part.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ValidationException("url", "Not a web address: " + e.getReason() + ".");
        }
    }

    private static void requireToken(String field, String token) {
        if (!TOKEN_TEXT.matcher(token).matches()) {
            throw new ValidationException(field, "A Gitea token is up to 255 visible characters, no spaces.");
        }
    }

    private static Optional<String> given(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(text -> !text.isEmpty());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** Gitea's answer as a message next to the field it concerns, nothing saved. */
    private static ValidationException refusal(GiteaException e) {
        String field = switch (e.status()) {
            case 401 -> "token";
            case 403, 404 -> "organisation";
            default -> "url";
        };
        return new ValidationException(field, e.getMessage());
    }

    private String actor() {
        var authentication = securityContext.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
