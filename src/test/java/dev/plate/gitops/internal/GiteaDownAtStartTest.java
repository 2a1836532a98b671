package dev.plate.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.plate.base.PlateProperties;
import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaProperties;
import dev.plate.gitops.ChangeSet;
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
        RemoteConfigRepository.open(dir.resolve("seed"), cloneUrl, new UsernamePasswordCredentialsProvider("", ""),
                Clock.systemUTC()).commit(ChangeSet.writing("Create the config repository",
                        new ChangeSet.Author("Plate", "plate@localhost"), Map.of("README.md", "hi".getBytes(StandardCharsets.UTF_8))));
        var settings = new MapSettings(Map.of(HostingSettings.MODE, "GITEA", HostingSettings.URL, "https://gitea.example.com",
                HostingSettings.ORGANISATION, "acme", HostingSettings.TOKEN, "secret-token",
                HostingSettings.CLONE_URL, cloneUrl, HostingSettings.USER, "plate-bot"));

        var backend = HostingSettings.initial(settings, noGitea(), backends(down()));

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
        var settings = new MapSettings(Map.of(HostingSettings.MODE, "GITEA", HostingSettings.URL,
                "https://gitea.example.com", HostingSettings.ORGANISATION, "acme", HostingSettings.TOKEN, "t"));

        assertThatThrownBy(() -> HostingSettings.initial(settings, noGitea(), backends(down())))
                .isInstanceOf(GiteaException.class).hasMessageContaining("Cannot reach Gitea");
    }

    private Backends backends(GiteaClient client) throws Exception {
        Git.init().setBare(true).setDirectory(dir.resolve("embedded.git").toFile()).setInitialBranch("main").call()
                .close();
        var bare = new FileRepositoryBuilder().setGitDir(dir.resolve("embedded.git").toFile()).setBare().build();
        return new Backends(bare, new GitProperties("plate-config", "http://localhost:8080"), client,
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
        public void put(Map<String, Optional<String>> changes, Set<String> secrets, String actor) {
            changes.forEach((name, value) -> value.ifPresentOrElse(v -> values.put(name, v), () -> values.remove(name)));
        }
    }
}
