package dev.plate.gitops.internal;

import dev.plate.gitea.GiteaConnection;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaHost;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.gitops.ConfigRepositoryBackends.Backend;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the config repository lives, as saved in {@code setting} (Admin → Integrations; tokens sealed), and the place
 * opened at start: the saved one, else the environment's ({@code PLATE_GITEA_*}), else the embedded server.
 */
final class SavedPlace {

    private static final Logger LOG = LoggerFactory.getLogger(SavedPlace.class);
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

    /**
     * Where the repository on the environment's Gitea ({@code PLATE_GITEA_*}) was found the last time it answered:
     * enough to start from the local clone while Gitea is down. (Not under {@link #PREFIX}: other instances follow
     * changes there.)
     */
    static final String ENVIRONMENT_CLONE_URL = "gitea-environment.clone-url";
    static final String ENVIRONMENT_USER = "gitea-environment.user";

    /** A place the repository can live. */
    record Place(Mode mode, Optional<GiteaHost> gitea) {

        static final Place EMBEDDED = new Place(Mode.EMBEDDED, Optional.empty());

        String where(GitProperties git) {
            return gitea.map(host -> "Gitea " + host.connection().baseUrl() + ", organisation "
                    + host.connection().organisation() + " (" + host.connection().organisation() + "/"
                    + git.repositoryName() + ")").orElse("Plate's embedded Git server");
        }
    }

    private SavedPlace() {}

    /**
     * The place to open at start: the saved one, else the environment's, else the embedded server. A Gitea that does
     * not answer does not stop the start (a pod restarting during a Gitea outage must not crash-loop): Plate starts
     * from its local clone, serves reads, and every commit is refused (503) until Gitea answers again.
     */
    static Backend initial(Settings settings, GiteaProperties environment, ConfigRepositoryBackends backends) {
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
                    Optional.of(user)), Set.of(), "plate");
        }
    }

    private static Backend offline(GiteaHost host, Optional<String> cloneUrl, Optional<String> user, String source,
            ConfigRepositoryBackends backends, GiteaException cause) {
        if (cloneUrl.isEmpty() || user.isEmpty()) {
            throw new GiteaException(cause.status(), "Gitea at " + host.connection().baseUrl() + " cannot be "
                    + "reached, and Plate has never cloned the config repository from it, so it cannot start without "
                    + "it: " + cause.getMessage(), cause);
        }
        LOG.error("Gitea cannot be reached ({}): starting with the local clone of {}; commits are refused until "
                + "Gitea answers again", cause.getMessage(), cloneUrl.get());
        return backends.giteaOffline(host, cloneUrl.get(), user.get(), source);
    }

    static Optional<Place> saved(Settings settings, GiteaProperties environment) {
        return settings.get(MODE).map(mode -> Mode.valueOf(mode) == Mode.EMBEDDED ? Place.EMBEDDED
                : new Place(Mode.GITEA, Optional.of(new GiteaHost(new GiteaConnection(settings.get(URL).orElse(""),
                        settings.get(ORGANISATION).orElse(""), settings.get(TOKEN).orElse(""), environment.timeout()),
                        settings.get(READ_USERNAME).orElse(""), settings.get(READ_TOKEN).orElse("")))));
    }

    static Backend open(Place place, String source, ConfigRepositoryBackends backends) {
        return place.gitea().map(host -> backends.gitea(host, source).backend())
                .orElseGet(() -> backends.embedded(source));
    }

    /** Stores the place saved, and where its repository was found (to start while Gitea is down). */
    static void store(Settings settings, Place wanted, String actor, String cloneUrl, String user) {
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
}
