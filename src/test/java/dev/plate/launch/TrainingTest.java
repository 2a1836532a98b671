package dev.plate.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

    @TempDir
    Path dir;

    @Test
    void a_new_cache_replaces_the_earlier_builds_of_its_jar_but_nothing_else() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        Path elsewhere = Files.writeString(dir.resolve("other-checkout.jar"), "another");
        var cache = StartCache.of(jar, Map.of(StartCache.LOCATION, dir.resolve("caches").toString()), List.of())
                .orElseThrow();
        String earlier = jar.toRealPath() + "\n7\n2026-01-01T00:00:00Z\n2026-01-01T00:00:00Z\n42";
        Path earlierBuild = cache(cache.root().resolve("00000000000000a1"), earlier);
        Path anotherCheckout = cache(cache.root().resolve("00000000000000a2"), StartCache.identity(elsewhere));
        Path gone = cache(cache.root().resolve("00000000000000a3"), dir.resolve("deleted.jar") + "\n1\n2\n3\n4");
        Path otherOptions = cache(cache.root().resolve("00000000000000a4"), StartCache.identity(jar));
        Path runningFrom = cache(cache.root().resolve("00000000000000a5"), earlier);
        Path startingFrom = cache(cache.root().resolve("00000000000000a6"), earlier);
        Path beingRecorded = cache(cache.root().resolve("00000000000000a7"), earlier);
        Path notOurs = Files.createDirectories(cache.root().resolve("notes"));
        cache(cache.directory(), StartCache.identity(jar));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldsACache.class.getName(), runningFrom.toString(),
                beingRecorded.toString()).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(4))).isEqualTo("held");
            Files.writeString(startingFrom.resolve("starting." + holder.pid()), "");

            new Training(cache, List.of(), Duration.ofMinutes(1)).removeReplaced(jar);

            assertThat(earlierBuild).doesNotExist();
            assertThat(gone).doesNotExist();
            assertThat(anotherCheckout).exists();
            assertThat(otherOptions).as("the same build with other heap or collector options").exists();
            assertThat(runningFrom).as("another process runs from it").exists();
            assertThat(startingFrom).as("another process is starting from it").exists();
            assertThat(beingRecorded).as("another process is recording it").exists();
            assertThat(notOurs).exists();
            assertThat(cache.directory()).exists();
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void a_failed_recording_is_not_tried_again_for_a_day() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        var cache = StartCache.of(jar, Map.of(StartCache.LOCATION, dir.resolve("caches").toString()), List.of())
                .orElseThrow();
        var training = new Training(cache, List.of(), Duration.ofMinutes(1));
        assertThat(String.valueOf(training.reasonToSkip())).doesNotContain("failed");

        Files.createDirectories(cache.directory());
        Files.writeString(cache.directory().resolve("failed"), "exit code 1");
        assertThat(training.reasonToSkip()).contains("failed less than a day ago");
    }

    @Test
    void a_cache_directory_others_may_write_to_is_not_recorded_into() throws Exception {
        Path jar = Files.writeString(dir.resolve("plate.jar"), "a build");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        var cache = StartCache.of(jar, Map.of(StartCache.LOCATION, shared.toString()), List.of()).orElseThrow();

        assertThat(new Training(cache, List.of(), Duration.ofMinutes(1)).reasonToSkip())
                .contains("is not this account's alone");
    }

    private static Path cache(Path directory, String build) throws Exception {
        Files.createDirectories(directory.resolve("app"));
        Files.writeString(directory.resolve("jar"), build);
        return directory;
    }
}
