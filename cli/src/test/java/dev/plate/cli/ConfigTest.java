package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path home;

    private Terminal terminal(Map<String, String> env) {
        var sink = new PrintStream(new ByteArrayOutputStream());
        return new Terminal(sink, sink, new ByteArrayInputStream(new byte[0]), env, false);
    }

    @Test
    void theTokenIsWrittenReadableOnlyByTheUser() throws IOException {
        var config = Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString())));
        config.saveLogin("https://plate.example.com", "secret-token", "ada", Instant.now().plusSeconds(600).toString());
        Path file = home.resolve("plate/config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        var again = Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString())));
        assertThat(again.token()).contains("secret-token");
        assertThat(again.url()).contains("https://plate.example.com");
        assertThat(again.forgetLogin()).isTrue();
        assertThat(Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString()))).token()).isEmpty();
        assertThat(Files.readString(file)).doesNotContain("secret-token").contains("plate.example.com");
    }

    @Test
    void theLoginIsKeptUnderHomeAsTheShellSetsItUnlessXdgConfigHomeSaysOtherwise() {
        Config.load(terminal(Map.of("HOME", home.toString()))).saveLogin("https://a.example", "in-home", "ada",
                Instant.now().plusSeconds(600).toString());
        assertThat(home.resolve(".config/plate/config.json")).isRegularFile();
        assertThat(Config.load(terminal(Map.of("HOME", home.toString()))).token()).contains("in-home");
        assertThat(Config.load(terminal(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME",
                home.resolve("xdg").toString()))).token()).isEmpty();
    }

    @Test
    void environmentVariablesOverrideTheStoredLogin() {
        Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString()))).saveLogin("https://a.example", "stored",
                "ada", Instant.now().plusSeconds(600).toString());
        var config = Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString(), "PLATE_URL", "https://b.example",
                "PLATE_TOKEN", "plate_ci")));
        assertThat(config.url()).contains("https://b.example");
        assertThat(config.token()).contains("plate_ci");
    }

    @Test
    void anExpiredLoginIsRefusedBeforeAnyRequest() {
        Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString()))).saveLogin("https://a.example", "old",
                "ada", Instant.now().minusSeconds(1).toString());
        var config = Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString())));
        assertThatThrownBy(config::token).isInstanceOf(CliException.class).hasMessageContaining("plate login")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.AUTH));
    }

    @Test
    void aDamagedConfigFileSaysWhatToDo() throws IOException {
        Files.createDirectories(home.resolve("plate"));
        Files.writeString(home.resolve("plate/config.json"), "{not json");
        assertThatThrownBy(() -> Config.load(terminal(Map.of("XDG_CONFIG_HOME", home.toString()))))
                .hasMessageContaining("delete it and run `plate login` again");
    }
}
