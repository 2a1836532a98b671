package dev.plate.git.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.gitops.ChangeSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Plate instances, each with its own clone, pushing to one remote (as with Gitea): every change lands
 * exactly once, history stays linear, and a remote that is down changes nothing.
 */
class RemoteConfigRepositoryTest {

    static final ChangeSet.Author AUTHOR = new ChangeSet.Author("dana", "dana@users.plate.local");
    static final UsernamePasswordCredentialsProvider NO_CREDENTIALS = new UsernamePasswordCredentialsProvider("", "");

    @TempDir
    Path dir;

    String origin;

    @BeforeEach
    void aRemoteRepository() throws Exception {
        Git.init().setBare(true).setDirectory(dir.resolve("origin.git").toFile()).setInitialBranch("main").call().close();
        origin = dir.resolve("origin.git").toUri().toString();
    }

    @Test
    void a_change_from_an_instance_that_is_behind_is_rebuilt_on_the_new_head() {
        var first = open("a");
        var second = open("b");
        first.commit(change("one", "a.txt", "1"));

        var result = second.commit(change("two", "b.txt", "2"));

        assertThat(result.changed()).isTrue();
        assertThat(history()).extracting(RevCommit::getShortMessage).containsExactly("two", "one");
        assertThat(second.read("a.txt").map(String::new)).hasValue("1");
    }

    @Test
    void a_change_computed_from_a_file_another_instance_changed_since_is_refused_not_written_over_it() {
        var first = open("a");
        var second = open("b");
        first.commit(change("one", "values.yaml", "image: 1.0.0"));
        var read = second.read("values.yaml");
        assertThat(read.map(String::new)).as("this clone has not fetched since it opened").isEmpty();
        first.commit(change("two", "values.yaml", "image: 2.0.0"));
        String head = history().getFirst().name();

        // Computed from what the stale clone had read (no file), and so expecting it still.
        assertThatThrownBy(() -> second.commit(change("three", "values.yaml", "image: 3.0.0")
                .expecting("values.yaml", read))).isInstanceOf(dev.plate.gitops.ChangedMeanwhileException.class);

        assertThat(history().getFirst().name()).as("nothing pushed").isEqualTo(head);
        assertThat(second.read("values.yaml").map(String::new)).as("caught up, nothing unpushed left")
                .hasValue("image: 2.0.0");
        var computedAgain = second.commit(change("three", "values.yaml", "image: 3.0.0")
                .expecting("values.yaml", second.read("values.yaml")));
        assertThat(computedAgain.changed()).isTrue();
    }

    @Test
    void concurrent_changes_from_two_instances_all_land_once_in_a_linear_history() throws Exception {
        var instances = new RemoteConfigRepository[] {open("a"), open("b")};
        var start = new CountDownLatch(1);
        var failures = new ArrayList<Throwable>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                var instance = instances[i % 2];
                String name = "file-" + i;
                pool.submit(() -> {
                    try {
                        start.await();
                        instance.commit(change(name, name + ".txt", name));
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(failures).isEmpty();
        var history = history();
        assertThat(history).hasSize(40);
        assertThat(history).allMatch(commit -> commit.getParentCount() <= 1);
        assertThat(history.stream().map(RevCommit::getShortMessage).distinct()).hasSize(40);
    }

    @Test
    void a_remote_that_is_down_leaves_the_local_branch_where_it_was() {
        var instance = open("a");
        instance.commit(change("one", "a.txt", "1"));
        String before = instance.head();
        var down = RemoteConfigRepository.open(dir.resolve("clone-a"), dir.resolve("gone.git").toUri().toString(),
                NO_CREDENTIALS, Clock.systemUTC());

        assertThatThrownBy(() -> down.commit(change("two", "b.txt", "2")))
                .isInstanceOf(dev.plate.gitops.GitUnavailableException.class).hasMessageContaining("did not answer");

        assertThat(down.head()).isEqualTo(before);
        assertThat(history()).extracting(RevCommit::getShortMessage).containsExactly("one");
    }

    /**
     * A Git server that accepts connections and never answers (a stalled Gitea): every network step gives up after
     * the configured timeout, so a commit fails with a 503 naming the server instead of holding the write lock (and
     * every deploy behind it) for ever.
     */
    @Test
    void a_stalled_server_fails_the_commit_within_the_timeout_instead_of_hanging() throws Exception {
        try (var stalled = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            var held = new java.util.concurrent.CopyOnWriteArrayList<java.net.Socket>();
            Thread.ofVirtual().start(() -> {
                while (!stalled.isClosed()) {
                    try {
                        held.add(stalled.accept()); // read nothing, answer nothing
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            String url = "http://127.0.0.1:" + stalled.getLocalPort() + "/acme/plate-config.git";

            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
                var repository = RemoteConfigRepository.open(dir.resolve("clone-stalled"), url, NO_CREDENTIALS,
                        Clock.systemUTC(), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10));
                assertThatThrownBy(() -> repository.commit(change("one", "a.txt", "1")))
                        .isInstanceOf(dev.plate.gitops.GitUnavailableException.class).hasMessageContaining(url)
                        .hasMessageContaining("within 1 s");
                assertThat(repository.head()).as("nothing committed locally either").isEmpty();
            });
            for (var socket : held) {
                socket.close();
            }
        }
    }

    private RemoteConfigRepository open(String name) {
        return RemoteConfigRepository.open(dir.resolve("clone-" + name), origin, NO_CREDENTIALS, Clock.systemUTC());
    }

    private static ChangeSet change(String message, String path, String content) {
        return ChangeSet.writing(message, AUTHOR, Map.of(path, content.getBytes(StandardCharsets.UTF_8)));
    }

    private java.util.List<RevCommit> history() {
        try (var git = Git.open(dir.resolve("origin.git").toFile())) {
            var commits = new ArrayList<RevCommit>();
            git.log().call().forEach(commits::add);
            return commits;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
