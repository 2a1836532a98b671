package dev.plate.gitops.internal;

import dev.plate.base.PlateProperties;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaHost;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.gitops.internal.SwitchingConfigRepository.Backend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Opens the places the config repository can live: the embedded server's bare repository, or a Gitea one. */
class Backends {

    private static final String DESCRIPTION = "Plate's config repository: charts, values and Argo CD Applications, "
            + "written by Plate";

    private final Repository bare;
    private final GitProperties git;
    private final GiteaClient client;
    private final PlateProperties plate;
    private final Clock clock;
    private volatile BareConfigRepository embedded;

    Backends(Repository bare, GitProperties git, GiteaClient client, PlateProperties plate, Clock clock) {
        this.bare = bare;
        this.git = git;
        this.client = client;
        this.plate = plate;
        this.clock = clock;
    }

    Backend embedded(String source) {
        if (embedded == null) {
            embedded = new BareConfigRepository(bare, embeddedUrl(), clock, git.staleLockAfter());
        }
        return new Backend(embedded, Mode.EMBEDDED, Optional.empty(), source);
    }

    String embeddedUrl() {
        return git.publicUrl().replaceAll("/+$", "") + "/git/" + git.repositoryName() + ".git";
    }

    /** The repository in the organisation, created if missing, and Plate's local clone of it. */
    Opened gitea(GiteaHost host, String source) {
        var connection = host.connection();
        String user = client.check(connection).user();
        var remote = client.ensureRepository(connection, git.repositoryName(), DESCRIPTION);
        var repository = RemoteConfigRepository.open(localClone(remote.cloneUrl()), remote.cloneUrl(),
                new UsernamePasswordCredentialsProvider(user, connection.token()), clock, connection.timeout(),
                git.staleLockAfter());
        return new Opened(new Backend(repository, Mode.GITEA, Optional.of(host), source), remote.created(), user);
    }

    /**
     * The saved Gitea while it cannot be asked (down at start): the local clone serves reads, and commits fail
     * with Gitea's error until it answers again — Plate itself still starts, so an admin can act.
     */
    Backend giteaOffline(GiteaHost host, String cloneUrl, String user, String source) {
        var repository = RemoteConfigRepository.open(localClone(cloneUrl), cloneUrl,
                new UsernamePasswordCredentialsProvider(user, host.connection().token()), clock,
                host.connection().timeout(), git.staleLockAfter());
        return new Backend(repository, Mode.GITEA, Optional.of(host), source);
    }

    /** Takes back a repository created for a move that then failed: no partial state left in Gitea. */
    void forget(Opened opened) {
        if (opened.created()) {
            opened.backend().gitea().ifPresent(host -> client.deleteRepository(host.connection(), git.repositoryName()));
        }
    }

    /**
     * One local clone per remote: a clone of another server's repository must never lend this one its history.
     */
    private Path localClone(String cloneUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cloneUrl.getBytes(StandardCharsets.UTF_8));
            return plate.dataDir().resolve("work").resolve(git.repositoryName() + "-"
                    + HexFormat.of().formatHex(digest, 0, 6) + ".git").toAbsolutePath();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param created whether the Gitea repository was created just now
     * @param user the Gitea user the token belongs to
     */
    record Opened(Backend backend, boolean created, String user) {}
}
