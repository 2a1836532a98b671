package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar plate.jar} as a person runs it, twice (ADR 0021): the first start records the jar's start-up cache
 * in the background once it is up; the next start of the same jar becomes a start from that cache in the same process
 * (the process id a service manager holds), serves, and still stops gracefully on SIGTERM. A cache damaged on disk
 * fails one start, never two. With the switch off, a start ignores the cache. And {@code ./mvnw package} records the
 * cache of the jar it makes, so that even that jar's first start runs from it.
 */
class JarStartFromCacheTest {

    @TempDir
    Path dir;

    @Test
    void the_first_start_records_the_cache_and_the_next_start_runs_from_it_in_the_same_process() throws Exception {
        Path jar = PackagedBuild.jar();
        Path caches = dir.resolve("caches");

        var first = Plate.start(jar, dir, "first", caches, "on");
        try {
            first.awaitUp();
            first.awaitLog("Start-up cache recorded", Duration.ofMinutes(5));
        } finally {
            first.stop();
        }
        List<Path> recorded;
        try (var entries = Files.list(caches)) {
            recorded = entries.filter(Files::isDirectory).toList();
        }
        assertThat(recorded).as("one cache, for this jar on this JDK").hasSize(1);
        Path cache = recorded.getFirst();
        assertThat(cache.resolve("plate.aot")).isNotEmptyFile();
        assertThat(cache.resolve("app").resolve("plate.jar")).isRegularFile();
        try (var left = Files.list(cache)) {
            assertThat(left.map(path -> path.getFileName().toString())).as("nothing of the recording is left")
                    .containsExactlyInAnyOrder("app", "plate.aot", "jar", "recording");
        }

        var second = Plate.start(jar, dir, "second", caches, "on");
        try {
            second.awaitUp();
            // A start from the cache that fails for its own reasons (the port is taken) keeps the cache.
            var clash = Plate.start(jar, dir, "clash", caches, "on", second.port());
            assertThat(clash.process().waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(clash.process().exitValue()).isNotZero();
            assertThat(clash.log()).as("it ran from the cache's jar").contains(cache.resolve("app/plate.jar").toString())
                    .doesNotContain("Started PlateApplication");
            assertThat(cache.resolve("plate.aot")).as("the cache is kept").isNotEmptyFile();
            try (var left = Files.list(cache)) {
                assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(
                        "starting."));
            }
            assertThat(second.arguments()).as("the same process, now started from the cache")
                    .contains("-XX:AOTCache=" + cache.resolve("plate.aot"), cache.resolve("app/plate.jar").toString());
            assertThat(second.log()).contains("Started from the start-up cache in " + cache)
                    .contains("Starting AOT-processed PlateApplication").doesNotContain("could not start from");
            assertThat(second.get("/login")).isEqualTo(200);
        } finally {
            second.stop();
        }
        assertThat(second.log()).as("SIGTERM reached the JVM that replaced the first").contains(
                "Commencing graceful shutdown");

        // A cache the JVM cannot use after all (damaged on disk): the start from it fails once, and the next start
        // does not use it again but starts the ordinary way, and begins to record it anew.
        try (var archive = java.nio.channels.FileChannel.open(cache.resolve("plate.aot"),
                java.nio.file.StandardOpenOption.WRITE)) {
            archive.write(java.nio.ByteBuffer.allocate(1 << 16), archive.size() / 2);
        }
        var broken = Plate.start(jar, dir, "broken", caches, "on");
        assertThat(broken.process().waitFor(3, TimeUnit.MINUTES)).as(PackagedBuild.tail(broken.log())).isTrue();
        assertThat(broken.process().exitValue()).as(PackagedBuild.tail(broken.log())).isNotZero();
        var healed = Plate.start(jar, dir, "healed", caches, "on");
        try {
            healed.awaitUp();
            assertThat(healed.log()).contains("the last start from it died before running; it is removed");
            assertThat(healed.arguments()).noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
            // Recording anew, as the first start did above; stopped once its training JVM runs (a minute of CI)...
            healed.awaitLog("Recording a start-up cache for this jar in the background", Duration.ofMinutes(1));
            assertThat(processesUnder(caches, "-XX:AOTCacheOutput=", true, Duration.ofMinutes(2)))
                    .as("the training JVM, recording").isNotEmpty();
        } finally {
            healed.stop();
        }
        // ...which leaves nothing of the recording running (no extraction, training or proof).
        assertThat(processesUnder(caches, "", false, Duration.ofSeconds(30))).as("left running").isEmpty();

        var off = Plate.start(jar, dir, "off", caches, "off");
        try {
            off.awaitUp();
            // A first start makes its data directory private: the database in it holds password and token hashes.
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve("off")))).isEqualTo("rwx------");
            assertThat(dir.resolve("off").resolve("plate.mv.db")).isRegularFile();
            assertThat(off.arguments()).noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
            assertThat(off.log()).doesNotContain("start-up cache");
        } finally {
            off.stop();
        }
    }

    @Test
    void the_build_records_the_cache_so_the_first_start_of_the_jar_it_made_runs_from_it() throws Exception {
        Path jar = PackagedBuild.jar();
        Path caches = PackagedBuild.startCaches();
        String built = PackagedBuild.packageLog();
        assertThat(built).as(PackagedBuild.tail(built)).contains("Plate: start-up cache recorded and proven in");
        List<Path> recorded;
        try (var entries = Files.list(caches)) {
            recorded = entries.filter(Files::isDirectory).toList();
        }
        assertThat(recorded).as("./mvnw package recorded one cache, for its jar on this JDK").hasSize(1);
        Path cache = recorded.getFirst();

        var first = Plate.start(jar, dir, "first-of-the-build", caches, "on");
        try {
            first.awaitUp();
            assertThat(first.arguments()).as("the first start of the jar, from the build's cache")
                    .contains("-XX:AOTCache=" + cache.resolve("plate.aot"), cache.resolve("app/plate.jar").toString());
            assertThat(first.log()).contains("Started from the start-up cache in " + cache);
            assertThat(first.get("/login")).isEqualTo(200);
        } finally {
            first.stop();
        }
    }

    @Test
    void a_build_asked_to_skip_the_recording_records_nothing() throws Exception {
        Path context = PackagedBuild.jar().getParent().getParent();
        Path caches = dir.resolve("skipped-caches");
        String output = PackagedBuild.run(context, java.util.Map.of("JAVA_HOME", System.getProperty("java.home"),
                "PLATE_START_CACHE_DIR", caches.toString(), "MAVEN_ARGS", ""), "./mvnw", "-o", "-B",
                "exec:exec@start-cache", "-Dplate.start-cache.skip");
        assertThat(output).contains("skipping execute as per configuration").doesNotContain("Plate: recording");
        assertThat(caches).doesNotExist();
    }

    /**
     * The command lines naming {@code option + caches}, once there are some ({@code wanted}) or none (otherwise), or
     * as they are when {@code patience} has passed.
     */
    private static List<String> processesUnder(Path caches, String option, boolean wanted, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<String> found = ProcessHandle.allProcesses().map(process -> process.info().commandLine().orElse(""))
                    .filter(line -> line.contains(option + caches)).toList();
            if (found.isEmpty() != wanted || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    /** A Plate process started as {@code java -jar}, with none of the test JVM's environment but what it needs. */
    private record Plate(Process process, Path logFile, int port) {

        static Plate start(Path jar, Path dir, String name, Path caches, String cacheSwitch) throws IOException {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            return start(jar, dir, name, caches, cacheSwitch, port);
        }

        static Plate start(Path jar, Path dir, String name, Path caches, String cacheSwitch, int port)
                throws IOException {            Path log = dir.resolve(name + ".log");
            var builder = new ProcessBuilder(PackagedBuild.java(), "-jar", jar.toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            var environment = builder.environment();
            environment.keySet().retainAll(List.of("PATH", "HOME", "USER", "LANG", "TMPDIR"));
            environment.put("PLATE_DATA_DIR", dir.resolve(name).toString());
            environment.put("SERVER_PORT", String.valueOf(port));
            environment.put("PLATE_START_CACHE_DIR", caches.toString());
            environment.put("PLATE_START_CACHE", cacheSwitch);
            return new Plate(builder.start(), log, port);
        }

        void awaitUp() throws Exception {
            var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (true) {
                assertThat(process.isAlive()).as(PackagedBuild.tail(log())).isTrue();
                assertThat(System.nanoTime()).as("health UP within 3 minutes:\n" + PackagedBuild.tail(log()))
                        .isLessThan(deadline);
                try {
                    var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
        }

        void awaitLog(String text, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!log().contains(text)) {
                assertThat(log()).as("while waiting for \"" + text + "\"").doesNotContain(
                        "could not be recorded", "No start-up cache is recorded");
                assertThat(System.nanoTime()).as("\"" + text + "\" within " + limit + ":\n"
                        + PackagedBuild.tail(log())).isLessThan(deadline);
                Thread.sleep(500);
            }
        }

        List<String> arguments() {
            return List.of(process.info().arguments().orElseThrow());
        }

        int get(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
