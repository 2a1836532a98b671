package dev.plate.git.internal;

import dev.plate.base.PlateProperties;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaHost;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Opens the places the config repository can live: the embedded server's bare repository, or a Gitea one; and moves
 * the history between two it opened ({@link RepositoryMove}).
 */
class Backends implements ConfigRepositoryBackends {

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

    @Override
    public Backend embedded(String source) {
        if (embedded == null) {
            embedded = new BareConfigRepository(bare, embeddedUrl(), clock, git.staleLockAfter());
        }
        return new Backend(embedded, Mode.EMBEDDED, Optional.empty(), source);
    }

    @Override
    public String embeddedUrl() {
        return git.publicUrl().replaceAll("/+$", "") + "/git/" + git.repositoryName() + ".git";
    }

    @Override
    public Opened gitea(GiteaHost host, String source) {
        var connection = host.connection();
        String user = client.check(connection).user();
        var remote = client.ensureRepository(connection, git.repositoryName(), DESCRIPTION);
        var repository = RemoteConfigRepository.open(localClone(remote.cloneUrl()), remote.cloneUrl(),
                new UsernamePasswordCredentialsProvider(user, connection.token()), clock, connection.timeout(),
                git.staleLockAfter());
        return new Opened(new Backend(repository, Mode.GITEA, Optional.of(host), source), remote.created(), user);
    }

    @Override
    public Backend giteaOffline(GiteaHost host, String cloneUrl, String user, String source) {
        var repository = RemoteConfigRepository.open(localClone(cloneUrl), cloneUrl,
                new UsernamePasswordCredentialsProvider(user, host.connection().token()), clock,
                host.connection().timeout(), git.staleLockAfter());
        return new Backend(repository, Mode.GITEA, Optional.of(host), source);
    }

    @Override
    public void forget(Opened opened) {
        if (opened.created()) {
            opened.backend().gitea().ifPresent(host -> client.deleteRepository(host.connection(), git.repositoryName()));
        }
    }

    @Override
    public String prepareMove(Backend source, Backend target) {
        return RepositoryMove.prepare(opened(source), opened(target)).name();
    }

    @Override
    public void completeMove(Backend source, Backend target, String targetHead, String note,
            ChangeSet.Author author) {
        RepositoryMove.complete(opened(source), opened(target), ObjectId.fromString(targetHead), note, author);
    }

    @Override
    public void unseal(Backend source, ChangeSet.Author author, Exception why) {
        RepositoryMove.unseal(opened(source), author, why);
    }

    /**
     * A backend's repository with its object database, which a move works on. Only this class opens config
     * repositories (module gitops makes a backend only around one it got from here): it is one of the two above.
     */
    private static ObjectDatabaseRepository opened(Backend backend) {
        if (backend.repository() instanceof ObjectDatabaseRepository repository) {
            return repository;
        }
        throw new IllegalArgumentException("Not a config repository opened here: " + backend.repository().cloneUrl());
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
}
