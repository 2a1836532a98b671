package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartCacheTest {

    @TempDir
    Path dir;

    @Test
    void another_build_of_the_jar_has_a_cache_of_its_own() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var environment = Map.of(StartCache.LOCATION, dir.resolve("caches").toString());
        var cache = StartCache.of(jar, environment).orElseThrow();

        assertThat(cache.root()).isEqualTo(dir.resolve("caches"));
        assertThat(cache.directory().getParent()).isEqualTo(cache.root());
        assertThat(cache.directory().getFileName().toString()).matches("[0-9a-f]{16}");
        assertThat(StartCache.of(jar, environment)).contains(cache);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(StartCache.of(jar, environment).orElseThrow().directory()).isNotEqualTo(cache.directory());
    }

    @Test
    void a_cache_is_recorded_only_with_both_its_jar_and_its_archive() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var cache = StartCache.of(jar, Map.of(StartCache.LOCATION, dir.resolve("caches").toString())).orElseThrow();
        assertThat(cache.recorded()).isFalse();

        Files.createDirectories(cache.jar().getParent());
        Files.writeString(cache.jar(), "extracted");
        assertThat(cache.recorded()).as("no archive yet").isFalse();
        Files.writeString(cache.archive(), "");
        assertThat(cache.recorded()).as("an empty archive").isFalse();
        Files.writeString(cache.archive(), "archive");
        assertThat(cache.recorded()).isTrue();
    }

    @Test
    void the_cache_lives_among_the_accounts_caches_unless_told_otherwise_or_turned_off() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");

        assertThat(StartCache.of(jar, Map.of("XDG_CACHE_HOME", "/var/cache/me")).orElseThrow().root())
                .isEqualTo(Path.of("/var/cache/me/plate/start"));
        assertThat(StartCache.of(jar, Map.of()).orElseThrow().root())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "plate", "start"));
        assertThat(StartCache.of(jar, Map.of(StartCache.SWITCH, "off"))).isEmpty();
        assertThat(StartCache.of(jar, Map.of(StartCache.SWITCH, "FALSE"))).isEmpty();
    }

    @Test
    void a_test_or_a_classes_directory_is_not_an_executable_jar() {
        assertThat(StartFromCache.executableJar(StartCacheTest.class)).isEmpty();
    }
}
