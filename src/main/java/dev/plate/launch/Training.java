package dev.plate.launch;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One recording of a start-up cache, in the cache's own directory. The cache is bound to the extracted jar's path,
 * so the training runs the jar where starts will run it; what it writes gets a name of its own ({@code *.<pid>.tmp})
 * and becomes part of the cache by one rename, the archive last: a start never finds half a cache, and two
 * instances recording at once do not meet.
 */
final class Training {

    private static final long SPACE_NEEDED = 1L << 30;

    private final StartCache cache;
    private final JavaCommand command;
    private final Duration limit;
    private final String mine = "." + ProcessHandle.current().pid() + ".tmp";

    Training(StartCache cache, JavaCommand command, Duration limit) {
        this.cache = cache;
        this.command = command;
        this.limit = limit;
    }

    void run(Path jar) throws IOException, InterruptedException {
        Files.createDirectories(cache.root(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(cache.directory());
        removeAbandoned();
        if (Files.getFileStore(cache.root()).getUsableSpace() < SPACE_NEEDED) {
            throw new IOException("less than 1 GiB free in " + cache.root());
        }
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IOException("no java"));
        Path extracted = cache.directory().resolve("app" + mine);
        Path archive = cache.directory().resolve("plate.aot" + mine);
        try {
            if (!Files.isRegularFile(cache.jar())) {
                execute(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                        extracted.toString()), "extract.log");
                Files.move(extracted.resolve(jar.getFileName()), extracted.resolve("plate.jar"));
                moveIntoPlace(extracted, cache.jar().getParent());
            }
            execute(trainingStart(java, archive), "training.log");
            if (!Files.isRegularFile(archive)) {
                throw new IOException("the training wrote no cache; see " + keepLog("training.log"));
            }
            Files.move(archive, cache.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            delete(extracted);
            delete(archive);
            delete(cache.directory().resolve("data" + mine));
            Files.deleteIfExists(cache.directory().resolve("extract.log" + mine));
            Files.deleteIfExists(cache.directory().resolve("training.log" + mine));
        }
    }

    /**
     * The extracted jar started as a start from the cache will start it (the same options, the same jar path),
     * until Spring's context is refreshed, on a database and data directory of its own: those settings come last,
     * as arguments, which outrank every other source of Plate's settings.
     */
    private List<String> trainingStart(String java, Path archive) {
        var argv = new ArrayList<String>();
        argv.add(java);
        argv.addAll(command.options());
        argv.add("-XX:AOTCacheOutput=" + archive);
        argv.add("-Dspring.context.exit=onRefresh");
        argv.addAll(List.of("-jar", cache.jar().toString()));
        Path data = cache.directory().resolve("data" + mine);
        argv.addAll(List.of("--plate.data-dir=" + data, "--server.port=0", "--spring.datasource.url=jdbc:h2:file:"
                + data.resolve("plate") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=plate", "--spring.datasource.password="));
        return argv;
    }

    /** Another instance may have put the same extracted jar there first: then that one is used, whole. */
    private static void moveIntoPlace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException another) {
            // the other one is complete: a directory only ever arrives there by this rename
        }
    }

    private void execute(List<String> argv, String logName) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(niced(argv)).directory(cache.directory().toFile()).redirectErrorStream(true)
                .redirectOutput(cache.directory().resolve(logName + mine).toFile());
        var environment = builder.environment();
        environment.keySet().retainAll(StartCacheRecorder.KEPT_ENVIRONMENT);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(argv.get(1) + " took more than " + limit.toMinutes() + " minutes; see "
                    + keepLog(logName));
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + "; see " + keepLog(logName));
        }
    }

    private static List<String> niced(List<String> argv) {
        if (!Files.isExecutable(Path.of("/usr/bin/nice"))) {
            return argv;
        }
        return Stream.concat(Stream.of("/usr/bin/nice", "-n", "10"), argv.stream()).toList();
    }

    /** The log outlives the attempt, beside the caches, for whoever reads the warning. */
    private Path keepLog(String name) throws IOException {
        Path kept = cache.root().resolve("last-" + name);
        Files.copy(cache.directory().resolve(name + mine), kept, StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    /** Caches of other jars or JDKs: this jar's cache replaces them. */
    void removeOthers() throws IOException {
        try (Stream<Path> entries = Files.list(cache.root())) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().matches("[0-9a-f]{16}") && !entry.equals(cache.directory())) {
                    delete(entry);
                }
            }
        }
    }

    /** What a recording left when its process was killed before it could tidy up. */
    private void removeAbandoned() throws IOException {
        try (Stream<Path> entries = Files.list(cache.directory())) {
            for (Path entry : entries.toList()) {
                var pid = java.util.regex.Pattern.compile("\\.(\\d+)\\.tmp$").matcher(entry.getFileName().toString());
                if (pid.find() && ProcessHandle.of(Long.parseLong(pid.group(1))).isEmpty()) {
                    delete(entry);
                }
            }
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
