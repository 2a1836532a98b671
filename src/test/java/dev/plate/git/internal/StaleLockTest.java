package dev.plate.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.gitops.ChangeSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed inside a ref update leaves {@code refs/heads/main.lock}, which blocked every commit for good.
 * Plate removes such a lock at start and when a commit meets it — but only once it is older than a live writer
 * could hold it, so another instance writing at that moment is never disturbed.
 */
class StaleLockTest {

    static final ChangeSet.Author AUTHOR = new ChangeSet.Author("mia", "mia@example.com");

    @TempDir
    Path dir;

    /** Live writers create and delete locks while the search runs (seen failing a commit in the suite under load). */
    @Test
    void looking_for_locks_survives_writers_creating_and_deleting_them() throws Exception {
        Repository bare = bare();
        java.nio.file.Path heads = bare.getDirectory().toPath().resolve("refs/heads");
        java.nio.file.Files.createDirectories(heads.resolve("team"));
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var writer = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                var lock = heads.resolve((i++ % 2 == 0 ? "team/" : "") + "main.lock");
                try {
                    java.nio.file.Files.writeString(lock, "x");
                    java.nio.file.Files.deleteIfExists(lock);
                } catch (java.io.IOException ignored) {
                    // the search never writes; nothing else to do
                }
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 3_000; i++) {
                StaleLocks.find(bare);
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(StaleLocks.find(bare)).isEmpty();
    }

    @Test
    void a_lock_left_by_a_crash_is_removed_at_start_and_commits_work() throws Exception {
        Repository bare = bare();
        var first = new BareConfigRepository(bare, "http://localhost/git/plate-config.git", Clock.systemUTC());
        first.commit(ChangeSet.writing("first", AUTHOR, Map.of("a.txt", "1".getBytes())));
        Path lock = lock(bare, Instant.now().minusSeconds(60));

        var restarted = new BareConfigRepository(bare, "http://localhost/git/plate-config.git", Clock.systemUTC(),
                Duration.ofSeconds(10));

        assertThat(lock).doesNotExist();
        assertThat(restarted.commit(ChangeSet.writing("second", AUTHOR, Map.of("a.txt", "2".getBytes()))).changed())
                .isTrue();
    }

    @Test
    void a_commit_that_meets_a_lock_waits_until_no_live_writer_could_hold_it_then_removes_it() throws Exception {
        Repository bare = bare();
        var repository = new BareConfigRepository(bare, "http://localhost/git/plate-config.git", Clock.systemUTC(),
                Duration.ofSeconds(2));
        repository.commit(ChangeSet.writing("first", AUTHOR, Map.of("a.txt", "1".getBytes())));
        Path lock = lock(bare, Instant.now()); // as if a writer held it this very moment, then died
        long started = System.nanoTime();

        var result = repository.commit(ChangeSet.writing("second", AUTHOR, Map.of("a.txt", "2".getBytes())));

        assertThat(result.changed()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not removed while it could be a live writer's")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(lock).doesNotExist();
        assertThat(repository.writeProblem()).isEmpty();
    }

    private Repository bare() throws Exception {
        Path path = dir.resolve("plate-config.git");
        Git.init().setBare(true).setDirectory(path.toFile()).setInitialBranch("main").call().close();
        return new FileRepositoryBuilder().setGitDir(path.toFile()).setMustExist(true).setBare().build();
    }

    private static Path lock(Repository bare, Instant modified) throws Exception {
        Path lock = bare.getDirectory().toPath().resolve("refs/heads/main.lock");
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, "0000000000000000000000000000000000000000\n");
        Files.setLastModifiedTime(lock, FileTime.from(modified));
        return lock;
    }
}
