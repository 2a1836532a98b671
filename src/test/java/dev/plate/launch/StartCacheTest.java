package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartCacheTest {

    /** As the training leaves them, whatever the umask of whoever runs the tests. */
    private static final java.nio.file.attribute.FileAttribute<?> OURS_ALONE = PosixFilePermissions
            .asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    @TempDir
    Path dir;

    @Test
    void another_build_of_the_jar_has_a_cache_of_its_own() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var environment = Map.of(StartCache.LOCATION, dir.resolve("caches").toString());
        var cache = StartCache.of(jar, environment, List.of()).orElseThrow();

        assertThat(cache.root()).isEqualTo(dir.resolve("caches"));
        assertThat(cache.directory().getParent()).isEqualTo(cache.root());
        assertThat(cache.directory().getFileName().toString()).matches("[0-9a-f]{16}");
        assertThat(StartCache.of(jar, environment, List.of())).contains(cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(StartCache.of(jar, environment, List.of()).orElseThrow().directory()).isNotEqualTo(cache.directory());
    }

    @Test
    void a_cache_is_recorded_only_with_both_its_jar_and_its_archive() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var cache = StartCache.of(jar, Map.of(StartCache.LOCATION, dir.resolve("caches").toString()), List.of()).orElseThrow();
        assertThat(cache.recorded()).isFalse();

        Files.createDirectories(cache.jar().getParent().resolve("lib"), OURS_ALONE);
        write(cache.jar(), "extracted");
        assertThat(cache.recorded()).as("no archive yet").isFalse();
        write(cache.archive(), "");
        assertThat(cache.recorded()).as("an empty archive").isFalse();
        write(cache.archive(), "archive");
        assertThat(cache.recorded()).isTrue();
    }

    @Test
    void a_cache_another_account_could_have_written_is_never_used() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var cache = StartCache.of(jar, Map.of(StartCache.LOCATION, dir.resolve("caches").toString()), List.of())
                .orElseThrow();
        Path library = cache.jar().getParent().resolve("lib").resolve("spring.jar");
        Files.createDirectories(library.getParent(), OURS_ALONE);
        write(cache.jar(), "extracted");
        write(cache.archive(), "archive");
        write(library, "a library");
        assertThat(cache.recorded()).isTrue();

        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(cache.recorded()).as("a library anyone may change").isFalse();
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(cache.directory(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(cache.recorded()).as("a directory anyone may write to").isFalse();
        Files.setPosixFilePermissions(cache.directory(), PosixFilePermissions.fromString("rwx------"));
        Files.delete(cache.archive());
        Files.createSymbolicLink(cache.archive(), Files.writeString(dir.resolve("elsewhere.aot"), "archive"));
        assertThat(cache.recorded()).as("an archive that points elsewhere").isFalse();
    }

    @Test
    void another_heap_or_collector_has_a_cache_of_its_own_a_setting_does_not() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var environment = Map.of(StartCache.LOCATION, dir.resolve("caches").toString());
        Path plain = StartCache.of(jar, environment, List.of("-Dplate.x=1")).orElseThrow().directory();

        assertThat(StartCache.of(jar, environment, List.of("-Dplate.x=2", "-javaagent:a.jar")).orElseThrow()
                .directory()).isEqualTo(plain);
        assertThat(StartCache.of(jar, environment, List.of("-Xmx2g")).orElseThrow().directory()).isNotEqualTo(plain);
        assertThat(StartCache.of(jar, environment, List.of("-XX:+UseSerialGC")).orElseThrow().directory())
                .isNotEqualTo(plain);
    }

    @Test
    void the_cache_lives_among_the_accounts_caches_unless_told_otherwise_or_turned_off() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");

        assertThat(StartCache.of(jar, Map.of("XDG_CACHE_HOME", "/var/cache/me"), List.of()).orElseThrow().root())
                .isEqualTo(Path.of("/var/cache/me/plate/start"));
        assertThat(StartCache.of(jar, Map.of(), List.of()).orElseThrow().root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "plate", "start"));
        assertThat(StartCache.of(jar, Map.of(StartCache.SWITCH, "off"), List.of())).isEmpty();
        assertThat(StartCache.of(jar, Map.of(StartCache.SWITCH, "FALSE"), List.of())).isEmpty();
    }

    @Test
    void a_test_or_a_classes_directory_is_not_an_executable_jar() {
        assertThat(StartFromCache.executableJar(StartCacheTest.class)).isEmpty();
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
