package dev.plate.git.internal;

import dev.plate.base.PlateProperties;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.gitops.GitProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * This module's repositories, opened as in production, for the tests of module gitops: its policy (the place in use,
 * following a move, a start while Gitea is down) is tested over real repositories, seen through gitops's own types.
 */
public final class RepositoriesForTests {

    private RepositoriesForTests() {}

    /** The embedded server's kind: a bare repository written in place. */
    public static ConfigRepository bare(Repository repository, String cloneUrl, Clock clock) {
        return new BareConfigRepository(repository, cloneUrl, clock);
    }

    /** Gitea's kind: a local clone under {@code local} that pushes each commit to {@code cloneUrl}. */
    public static ConfigRepository remote(Path local, String cloneUrl, CredentialsProvider credentials, Clock clock) {
        return RemoteConfigRepository.open(local, cloneUrl, credentials, clock);
    }

    /** The whole move at once, as a caller holding the commit lock makes it; returns the target's head. */
    public static String move(ConfigRepository source, ConfigRepository target, String note, ChangeSet.Author author) {
        return RepositoryMove.move((ObjectDatabaseRepository) source, (ObjectDatabaseRepository) target, note, author)
                .name();
    }

    public static ConfigRepositoryBackends backends(Repository bare, GitProperties git, GiteaClient client,
            PlateProperties plate, Clock clock) {
        return new Backends(bare, git, client, plate, clock);
    }
}
