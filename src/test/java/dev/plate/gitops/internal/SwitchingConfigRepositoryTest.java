package dev.plate.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.git.internal.RepositoriesForTests;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.ConfigRepositoryBackends.Backend;
import dev.plate.gitops.RepositoryHosting.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config repository services use, over real repositories (module git's: the embedded server's bare one, and
 * clones of a remote at a file URL standing in for Gitea): it reaches the clone in use, commits racing a move from
 * another instance all land once in the new place, and a commit has a web page on Gitea only.
 */
class SwitchingConfigRepositoryTest {

    static final ChangeSet.Author ADMIN = new ChangeSet.Author("root", "root@users.plate.local");
    static final UsernamePasswordCredentialsProvider NO_CREDENTIALS = new UsernamePasswordCredentialsProvider("", "");

    @TempDir
    Path dir;

    ConfigRepository embedded;
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
    void refresh_brings_in_what_another_instance_committed_through_the_repository_plate_uses() {
        var first = remote("a");
        var second = new SwitchingConfigRepository(new Backend(remote("b"), Mode.GITEA, Optional.empty(), "test"));
        var landed = first.commit(change("one", "applications/shop/dev/values.yaml", "image: 1.0.0"));
        assertThat(second.children("applications")).as("not fetched yet").isEmpty();

        second.refresh();

        assertThat(second.head()).isEqualTo(landed.sha());
        assertThat(second.children("applications")).containsExactly("shop");
    }

    /**
     * Where the repository lives is a setting in the database, which the start does not wait for (ADR 0020): it is
     * opened at the first call, once, and a place that cannot be opened yet is tried again at the next call.
     */
    @Test
    void the_repository_is_opened_at_its_first_use_once_and_again_after_a_failure() {
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        var repository = new SwitchingConfigRepository(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Gitea does not answer yet");
            }
            return new Backend(embedded, Mode.EMBEDDED, Optional.empty(), "default");
        });
        assertThat(attempts).as("nothing opened when created").hasValue(0);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(repository::head))
                .hasMessageContaining("Gitea does not answer yet");
        assertThat(repository.head()).isEqualTo(embedded.head());
        assertThat(repository.children("applications/web")).containsExactly("dev");

        assertThat(attempts).as("opened once it worked, never again").hasValue(2);
    }

    /**
     * Two instances share the embedded repository (one volume). The first moves it while both commit; the second
     * meets the seal, follows the saved place once it is there, and commits again: nothing is lost or doubled.
     */
    @Test
    void commits_racing_a_move_from_both_instances_all_land_once_in_the_new_place() throws Exception {
        var first = new SwitchingConfigRepository(new Backend(embedded, Mode.EMBEDDED, Optional.empty(), "default"));
        var second = new SwitchingConfigRepository(new Backend(bare(), Mode.EMBEDDED, Optional.empty(), "default"));
        var saved = new AtomicReference<Backend>();
        var secondsRemote = new Backend(remote("b"), Mode.GITEA, Optional.empty(), "saved");
        var sealedCommits = new java.util.concurrent.atomic.AtomicInteger();
        var done = new java.util.concurrent.atomic.AtomicInteger();
        second.onMoved(() -> {
            sealedCommits.incrementAndGet();
            if (saved.get() != null && second.active().mode() == Mode.EMBEDDED) {
                second.use(secondsRemote);
            }
        });
        var start = new CountDownLatch(1);
        var failures = new ArrayList<Throwable>();
        int changes = 60;
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < changes; i++) {
                var instance = i % 2 == 0 ? first : second;
                String name = "change-" + i;
                pool.submit(() -> {
                    try {
                        start.await();
                        instance.commit(change(name, "apps/" + name + ".yaml", name));
                        done.incrementAndGet();
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
            }
            start.countDown();
            while (done.get() < changes / 3) {
                Thread.sleep(1);
            }
            var target = new Backend(remote("a"), Mode.GITEA, Optional.empty(), "saved");
            first.exclusively(() -> {
                RepositoriesForTests.move(embedded, target.repository(), "moved to the remote", ADMIN);
                saved.set(target);
                first.use(target);
                return null;
            });
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(failures).isEmpty();
        assertThat(sealedCommits.get()).as("commits of the second instance that met the seal").isPositive();
        var landed = messages(dir.resolve("origin.git"));
        for (int i = 0; i < changes; i++) {
            assertThat(landed).as("change-" + i).containsOnlyOnce("change-" + i);
        }
        assertThat(landed).hasSize(changes + 3).doesNotContain("move the config repository to " + origin);
        try (var git = Git.open(dir.resolve("origin.git").toFile())) {
            for (RevCommit commit : git.log().call()) {
                assertThat(commit.getParentCount()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void a_commit_has_a_web_page_on_gitea_and_none_on_the_embedded_server() {
        String sha = embedded.head();
        var onGitea = new SwitchingConfigRepository(new Backend(RepositoriesForTests.remote(dir.resolve("clone-web"),
                "https://gitea.example.com/acme/plate-config.git", NO_CREDENTIALS, Clock.systemUTC()), Mode.GITEA,
                Optional.empty(), "saved"));
        var onEmbedded = new SwitchingConfigRepository(new Backend(embedded, Mode.EMBEDDED, Optional.empty(), "default"));

        assertThat(onGitea.commitUrl(sha)).hasValue("https://gitea.example.com/acme/plate-config/commit/" + sha);
        assertThat(onGitea.commitUrl("not-a-sha")).isEmpty();
        assertThat(onEmbedded.commitUrl(sha)).isEmpty();
    }

    private ConfigRepository bare() {
        try {
            var repository = new FileRepositoryBuilder().setGitDir(dir.resolve("embedded.git").toFile())
                    .setMustExist(true).setBare().build();
            return RepositoriesForTests.bare(repository, "http://localhost:8080/git/plate-config.git",
                    Clock.systemUTC());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigRepository remote(String clone) {
        return RepositoriesForTests.remote(dir.resolve("clone-" + clone), origin, NO_CREDENTIALS, Clock.systemUTC());
    }

    private static ChangeSet change(String message, String path, String content) {
        return ChangeSet.writing(message, ADMIN, Map.of(path, content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> messages(Path repository) {
        try (var git = Git.open(repository.toFile())) {
            var commits = new ArrayList<String>();
            if (git.getRepository().resolve("refs/heads/main") != null) {
                git.log().call().forEach(commit -> commits.add(commit.getShortMessage()));
            }
            return commits;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
