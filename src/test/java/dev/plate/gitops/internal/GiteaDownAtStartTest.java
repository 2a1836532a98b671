package dev.plate.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.plate.base.PlateProperties;
import dev.plate.git.internal.RepositoriesForTests;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepositoryBackends;
import dev.plate.gitops.GitProperties;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config repository was saved on Gitea, and Gitea's API does not answer when Plate starts: Plate starts
 * anyway from what the last save remembered (clone URL, account), so an admin can still sign in and act.
 */
class GiteaDownAtStartTest {

    @TempDir
    Path dir;

    @Test
    void plate_opens_the_saved_repository_without_asking_gitea_and_commits_when_git_answers() throws Exception {
        Git.init().setBare(true).setDirectory(dir.resolve("origin.git").toFile()).setInitialBranch("main").call().close();
        String cloneUrl = dir.resolve("origin.git").toUri().toString();
        RepositoriesForTests.remote(dir.resolve("seed"), cloneUrl, new UsernamePasswordCredentialsProvider("", ""),
                Clock.systemUTC()).commit(ChangeSet.writing("Create the config repository",
                        new ChangeSet.Author("Plate", "plate@localhost"), Map.of("README.md", "hi".getBytes(StandardCharsets.UTF_8))));
        var settings = new MapSettings(Map.of(SavedPlace.MODE, "GITEA", SavedPlace.URL, "https://gitea.example.com",
                SavedPlace.ORGANISATION, "acme", SavedPlace.TOKEN, "secret-token",
                SavedPlace.CLONE_URL, cloneUrl, SavedPlace.USER, "plate-bot"));

        var backend = SavedPlace.initial(settings, noGitea(), backends(down()));

        assertThat(backend.mode()).isEqualTo(Mode.GITEA);
        assertThat(backend.source()).isEqualTo("saved");
        assertThat(backend.repository().cloneUrl()).isEqualTo(cloneUrl);
        assertThat(backend.repository().read("README.md").map(String::new)).hasValue("hi");
        assertThat(backend.repository().commit(ChangeSet.writing("while the API is down",
                new ChangeSet.Author("mia", "mia@users.plate.local"), Map.of("a.txt", new byte[] {1}))).changed())
                .isTrue();
    }

    @Test
    void without_a_remembered_clone_url_the_start_fails_with_giteas_error() {
        var settings = new MapSettings(Map.of(SavedPlace.MODE, "GITEA", SavedPlace.URL,
                "https://gitea.example.com", SavedPlace.ORGANISATION, "acme", SavedPlace.TOKEN, "t"));

        assertThatThrownBy(() -> SavedPlace.initial(settings, noGitea(), backends(down())))
                .isInstanceOf(GiteaException.class).hasMessageContaining("Cannot reach Gitea");
    }

    /**
     * Gitea given by {@code PLATE_GITEA_*} (the chart's way): a pod restarting while Gitea is down starts from its local
     * clone (where the last start found the repository), never crash-loops; commits wait for Gitea and are refused
     * with a 503 that names it until then.
     */
    @Test
    void gitea_given_by_the_environment_and_down_at_a_restart_starts_from_the_local_clone() throws Exception {
        Git.init().setBare(true).setDirectory(dir.resolve("origin.git").toFile()).setInitialBranch("main").call().close();
        String cloneUrl = dir.resolve("origin.git").toUri().toString();
        var settings = new MapSettings(Map.of());
        var environment = new GiteaProperties("https://gitea.example.com", "acme", "secret-token", Duration.ofSeconds(2),
                "", "");
        var up = mock(GiteaClient.class);
        when(up.check(any())).thenReturn(new GiteaClient.ServerInfo("1.27.1", "plate-bot"));
        when(up.ensureRepository(any(), any(), any())).thenReturn(new GiteaClient.GiteaRepository("acme/plate-config",
                cloneUrl, "https://gitea.example.com/acme/plate-config", "main", true, false));
        var first = SavedPlace.initial(settings, environment, backends(up));
        first.repository().commit(ChangeSet.writing("Create the config repository", new ChangeSet.Author("Plate",
                "plate@localhost"), Map.of("README.md", "hi".getBytes(StandardCharsets.UTF_8))));

        var restarted = SavedPlace.initial(settings, environment, backends(down()));

        assertThat(restarted.mode()).isEqualTo(Mode.GITEA);
        assertThat(restarted.source()).isEqualTo("environment");
        assertThat(restarted.repository().read("README.md").map(String::new)).hasValue("hi");
        java.nio.file.Files.move(dir.resolve("origin.git"), dir.resolve("origin-away.git")); // the git server too
        assertThatThrownBy(() -> restarted.repository().commit(ChangeSet.writing("while Gitea is down",
                new ChangeSet.Author("mia", "mia@users.plate.local"), Map.of("a.txt", new byte[] {1}))))
                .isInstanceOf(dev.plate.gitops.GitUnavailableException.class).hasMessageContaining(cloneUrl)
                .hasMessageContaining("Check that Gitea is up");
        assertThat(restarted.repository().read("a.txt")).as("nothing half-written").isEmpty();
    }

    private ConfigRepositoryBackends backends(GiteaClient client) throws Exception {
        if (java.nio.file.Files.exists(dir.resolve("embedded.git"))) {
            var bare = new FileRepositoryBuilder().setGitDir(dir.resolve("embedded.git").toFile()).setBare().build();
            return RepositoriesForTests.backends(bare, new GitProperties("plate-config", "http://localhost:8080",
                    java.time.Duration.ofSeconds(10)), client, new PlateProperties(dir.resolve("data")),
                    Clock.systemUTC());
        }
        Git.init().setBare(true).setDirectory(dir.resolve("embedded.git").toFile()).setInitialBranch("main").call()
                .close();
        var bare = new FileRepositoryBuilder().setGitDir(dir.resolve("embedded.git").toFile()).setBare().build();
        return RepositoriesForTests.backends(bare, new GitProperties("plate-config", "http://localhost:8080", java.time.Duration.ofSeconds(10)), client,
                new PlateProperties(dir.resolve("data")), Clock.systemUTC());
    }

    private static GiteaClient down() {
        var client = mock(GiteaClient.class);
        when(client.check(any())).thenThrow(new GiteaException(0, "Cannot reach Gitea at https://gitea.example.com "
                + "to read Gitea's version: connection refused.", null));
        return client;
    }

    private static GiteaProperties noGitea() {
        return new GiteaProperties("", "", "", Duration.ofSeconds(5), "", "");
    }

    /** Settings in memory, as the table would hold them. */
    private record MapSettings(Map<String, String> values) implements Settings {

        MapSettings {
            values = new HashMap<>(values);
        }

        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(values.get(name));
        }

        @Override
        public String putIfAbsent(String name, String value, boolean secret, String actor) {
            return values.computeIfAbsent(name, key -> value);
        }

        @Override
        public Optional<Instant> lastChanged(String prefix) {
            return Optional.empty();
        }

        @Override
        public java.util.List<String> names(String prefix) {
            return values.keySet().stream().filter(name -> name.startsWith(prefix)).sorted().toList();
        }

        @Override
        public void put(Map<String, Optional<String>> changes, Set<String> secrets, String actor) {
            changes.forEach((name, value) -> value.ifPresentOrElse(v -> values.put(name, v), () -> values.remove(name)));
        }
    }
}
