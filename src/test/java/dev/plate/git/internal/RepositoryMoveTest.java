package dev.plate.git.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.GitException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving the config repository between the embedded server (a bare repository written in place) and a remote
 * (Gitea; here a bare repository at a file URL): every commit arrives, the old place is sealed, and a target with
 * another history or out of reach changes nothing. Commits racing the move from another instance: module gitops's
 * {@code SwitchingConfigRepositoryTest}.
 */
class RepositoryMoveTest {

    static final ChangeSet.Author ADMIN = new ChangeSet.Author("root", "root@users.plate.local");
    static final UsernamePasswordCredentialsProvider NO_CREDENTIALS = new UsernamePasswordCredentialsProvider("", "");

    @TempDir
    Path dir;

    BareConfigRepository embedded;
    String origin;

    @BeforeEach
    void repositories() throws Exception {
        Git.init().setBare(true).setDirectory(dir.resolve("embedded.git").toFile()).setInitialBranch("main").call()
                .close();
        Git.init().setBare(true).setDirectory(dir.resolve("origin.git").toFile()).setInitialBranch("main").call()
                .close();
        embedded = bare();
        origin = dir.resolve("origin.git").toUri().toString();
        for (int i = 1; i <= 3; i++) {
            embedded.commit(change("change " + i, "applications/web/dev/values.yaml", "image: " + i));
        }
    }

    @Test
    void moving_to_an_empty_remote_keeps_every_commit_and_seals_the_old_place() {
        var before = log(dir.resolve("embedded.git"));
        var gitea = remote("a");

        var head = RepositoryMove.move(embedded, gitea, "# moved\n\nPlate moved it to " + origin + ".\n", ADMIN);

        assertThat(log(dir.resolve("origin.git"))).isEqualTo(before);
        assertThat(head.name()).isEqualTo(before.getFirst());
        assertThat(embedded.read(ObjectDatabaseRepository.MOVED).map(String::new)).hasValueSatisfying(note ->
                assertThat(note).contains("Plate moved it to " + origin));
        assertThat(messages(dir.resolve("embedded.git")).getFirst()).isEqualTo("move the config repository to " + origin);
        assertThatThrownBy(() -> embedded.commit(change("late", "late.txt", "x")))
                .isInstanceOf(GitException.class).hasMessageContaining("was moved")
                .hasMessageContaining("Plate moved it to " + origin);
        assertThat(gitea.commit(change("after the move", "b.txt", "b")).changed()).isTrue();
        assertThat(messages(dir.resolve("origin.git"))).containsExactly("after the move", "change 3", "change 2",
                "change 1");
    }

    @Test
    void moving_back_takes_the_history_made_meanwhile_and_lifts_the_old_seal() {
        var gitea = remote("a");
        RepositoryMove.move(embedded, gitea, "moved to gitea", ADMIN);
        gitea.commit(change("on gitea", "g.txt", "g"));

        RepositoryMove.move(gitea, embedded, "moved back", ADMIN);

        assertThat(messages(dir.resolve("embedded.git"))).containsExactly("on gitea", "change 3", "change 2",
                "change 1");
        assertThat(embedded.read(ObjectDatabaseRepository.MOVED)).isEmpty();
        assertThat(embedded.commit(change("home again", "h.txt", "h")).changed()).isTrue();
        assertThat(messages(dir.resolve("origin.git")).getFirst()).startsWith("move the config repository to ");
        assertThatThrownBy(() -> remote("b").commit(change("stale", "s.txt", "s"))).hasMessageContaining("was moved");
    }

    @Test
    void a_remote_holding_another_history_is_refused_and_nothing_changes() throws Exception {
        var stranger = remote("stranger");
        stranger.commit(change("someone else's", "README.md", "theirs"));
        String embeddedHead = embedded.head();
        var originBefore = log(dir.resolve("origin.git"));

        assertThatThrownBy(() -> RepositoryMove.move(embedded, remote("a"), "moved", ADMIN))
                .isInstanceOf(GitException.class).hasMessageContaining("already holds commits");

        assertThat(embedded.head()).isEqualTo(embeddedHead);
        assertThat(embedded.read(ObjectDatabaseRepository.MOVED)).isEmpty();
        assertThat(log(dir.resolve("origin.git"))).isEqualTo(originBefore);
    }

    @Test
    void a_remote_out_of_reach_changes_nothing() {
        String embeddedHead = embedded.head();
        var gone = RemoteConfigRepository.open(dir.resolve("clone-gone"), dir.resolve("gone.git").toUri().toString(),
                NO_CREDENTIALS, Clock.systemUTC());

        assertThatThrownBy(() -> RepositoryMove.move(embedded, gone, "moved", ADMIN)).isInstanceOf(GitException.class);

        assertThat(embedded.head()).isEqualTo(embeddedHead);
        assertThat(embedded.read(ObjectDatabaseRepository.MOVED)).isEmpty();
    }

    /** Another instance moved it to A; a stale instance saving B must not move the sealed history again. */
    @Test
    void a_repository_sealed_for_one_place_is_not_moved_to_another_and_a_retried_move_goes_through() throws Exception {
        var first = remote("a");
        RepositoryMove.prepare(embedded, first);
        RepositoryMove.prepare(embedded, first); // retried after a failure: the same history again is fine
        RepositoryMove.complete(embedded, first, first.latestHead(), "# moved\n\nPlate moved it to " + origin + ".\n",
                ADMIN);
        Git.init().setBare(true).setDirectory(dir.resolve("other.git").toFile()).setInitialBranch("main").call().close();
        var other = RemoteConfigRepository.open(dir.resolve("clone-other"), dir.resolve("other.git").toUri().toString(),
                NO_CREDENTIALS, Clock.systemUTC());

        assertThatThrownBy(() -> RepositoryMove.prepare(embedded, other)).isInstanceOf(GitException.class)
                .hasMessageContaining("was already moved elsewhere").hasMessageContaining("Plate moved it to " + origin);

        assertThat(log(dir.resolve("other.git"))).isEmpty();
        // The same target again (a save that stopped before its setting was stored) continues from the seal.
        assertThat(RepositoryMove.move(embedded, remote("a2"), "again", ADMIN).name())
                .isEqualTo(log(dir.resolve("origin.git")).getFirst());
    }

    private BareConfigRepository bare() {
        try {
            var repository = new FileRepositoryBuilder().setGitDir(dir.resolve("embedded.git").toFile())
                    .setMustExist(true).setBare().build();
            return new BareConfigRepository(repository, "http://localhost:8080/git/plate-config.git",
                    Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RemoteConfigRepository remote(String clone) {
        return RemoteConfigRepository.open(dir.resolve("clone-" + clone), origin, NO_CREDENTIALS, Clock.systemUTC());
    }

    private static ChangeSet change(String message, String path, String content) {
        return ChangeSet.writing(message, ADMIN, Map.of(path, content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> log(Path repository) {
        return commits(repository).stream().map(RevCommit::name).toList();
    }

    private static List<String> messages(Path repository) {
        return commits(repository).stream().map(RevCommit::getShortMessage).toList();
    }

    private static List<RevCommit> commits(Path repository) {
        try (var git = Git.open(repository.toFile())) {
            var commits = new ArrayList<RevCommit>();
            if (git.getRepository().resolve("refs/heads/main") != null) {
                git.log().call().forEach(commits::add);
            }
            return commits;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
