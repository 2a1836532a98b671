package dev.plate.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One recording of a start-up cache, in the cache's own directory. The cache is bound to the extracted jar's path,
 * so the training runs the jar where starts will run it; what it writes gets a name of its own ({@code *.<pid>.tmp})
 * and becomes part of the cache by one rename, the archive last and only once a start with it has been proven: a
 * start never finds half a cache or one the JVM would refuse, and two instances recording at once do not meet (the
 * second finds the first's lock and leaves it the work).
 */
final class Training {

    private static final long MEMORY_NEEDED = 1L << 30;
    private static final long SPACE_NEEDED = 1L << 30;
    private static final Duration AFTER_A_FAILURE = Duration.ofHours(24);
    private static final Pattern LEFT_BY = Pattern.compile("\\.(\\d{1,18})\\.tmp");
    static final List<String> KEPT_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final StartCache cache;
    private final List<String> options;
    private final Duration limit;
    private final String mine = "." + ProcessHandle.current().pid() + ".tmp";
    private volatile Process running;
    private volatile boolean stopping;

    /** {@code options}: this JVM's; only those the cache depends on reach the training. */
    Training(StartCache cache, List<String> options, Duration limit) {
        this.cache = cache;
        this.options = JvmOptions.cacheRelevant(options);
        this.limit = limit;
    }

    /** Why no recording is to be made now, if there is a reason. */
    String reasonToSkip() throws IOException {
        if (Files.exists(cache.root()) && !StartCache.ours(cache.root())) {
            return cache.root() + " is not this account's alone (another may write to it): choose another place with "
                    + StartCache.LOCATION;
        }
        Path failed = cache.directory().resolve("failed");
        if (Files.exists(failed) && Files.getLastModifiedTime(failed).toInstant().isAfter(Instant.now()
                .minus(AFTER_A_FAILURE))) {
            return "the last recording failed less than a day ago (" + Files.readString(failed) + ")";
        }
        long available = Headroom.available();
        if (available < MEMORY_NEEDED) {
            return (available >> 20) + " MB of memory is available (a container's limit counts), and a training start "
                    + "needs about 1 GiB";
        }
        return null;
    }

    /** Records and proves the cache; false if another instance is recording it. */
    boolean run(Path jar) throws IOException, InterruptedException {
        Files.createDirectories(cache.root(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.createDirectories(cache.directory());
        sealed(cache.directory());
        if (Files.getFileStore(cache.root()).getUsableSpace() < SPACE_NEEDED) {
            throw new IOException("less than 1 GiB free in " + cache.root());
        }
        try (var channel = FileChannel.open(cache.directory().resolve("recording"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return false;
            }
            removeAbandoned();
            record(jar);
            return true;
        } catch (IOException failed) {
            if (!stopping) { // a training stopped with Plate did not fail
                Files.writeString(cache.directory().resolve("failed"), failed.getMessage());
            }
            throw failed;
        }
    }

    private void record(Path jar) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IOException("no java"));
        Path extracted = cache.directory().resolve("app" + mine);
        Path archive = cache.directory().resolve("plate" + mine + ".aot");
        // First: a recording that fails or is killed leaves a directory a later build's recording can tell for an
        // earlier build's, and remove (removeReplaced).
        Files.writeString(cache.directory().resolve("jar"), StartCache.identity(jar));
        try {
            if (!Files.isRegularFile(cache.jar())) {
                execute(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                        extracted.toString()), "extract.log");
                Files.move(extracted.resolve(jar.getFileName()), extracted.resolve("plate.jar"));
                sealed(extracted);
                Files.move(extracted, cache.jar().getParent(), StandardCopyOption.ATOMIC_MOVE);
            }
            execute(start(java, true, "-XX:AOTCacheOutput=" + archive), "training.log");
            if (!Files.isRegularFile(archive)) {
                throw new IOException("the training wrote no cache; see " + keepLog("training.log"));
            }
            // As a start will use it: the JVM refuses a cache it cannot map (a heap too small for its objects,
            // another collector), and with AOTMode=on says so by failing instead of starting without it. That shows
            // by the time Spring's context is refreshed; a whole start would prove nothing more, in twice the time.
            execute(start(java, false, "-XX:AOTCache=" + archive, "-XX:AOTMode=on"), "proof.log");
            sealed(archive);
            Files.move(archive, cache.archive(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(cache.directory().resolve("failed"));
        } finally {
            delete(extracted);
            Files.deleteIfExists(archive);
            Files.deleteIfExists(Path.of(archive + ".config")); // the JDK's own, if the training was cut short
            delete(cache.directory().resolve("data" + mine));
        }
    }

    /**
     * The extracted jar started as a start from the cache will start it (the same path and the options the cache
     * depends on), on a database, data directory and port of its own: those come last, as arguments, which outrank
     * every other source of Plate's settings; the environment brings none.
     *
     * @param whole a training start, until it answers UP and has served its login page once ({@link TrainingStart});
     *     else (the proof) only until Spring's context is refreshed
     */
    private List<String> start(String java, boolean whole, String... archiveOptions) {
        var argv = new ArrayList<String>();
        argv.add(java);
        argv.addAll(options);
        argv.addAll(List.of(archiveOptions));
        if (!whole) {
            argv.add("-Dspring.context.exit=onRefresh"); // read by Spring as a system property only
        }
        argv.addAll(List.of("-jar", cache.jar().toString()));
        Path data = cache.directory().resolve("data" + mine);
        argv.addAll(List.of("--" + TrainingStart.PROPERTY + "=" + whole, "--plate.data-dir=" + data,
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("plate")
                        + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=plate", "--spring.datasource.password="));
        return argv;
    }

    private void execute(List<String> argv, String logName) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(niced(argv)).directory(cache.directory().toFile()).redirectErrorStream(true)
                .redirectOutput(cache.directory().resolve(logName + mine).toFile());
        builder.environment().keySet().retainAll(KEPT_ENVIRONMENT);
        if (stopping) {
            throw new IOException(logName + ": stopped");
        }
        Process process = builder.start();
        running = process;
        if (stopping) { // stopped while it was being started: stop() did not see it
            process.destroyForcibly();
        }
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException(logName + ": more than " + limit.toMinutes() + " minutes; see "
                        + keepLog(logName));
            }
            if (process.exitValue() != 0) {
                throw new IOException(logName + ": exit code " + process.exitValue() + (stopping ? " (stopped)"
                        : "; see " + keepLog(logName)));
            }
        } finally {
            running = null;
            Files.deleteIfExists(cache.directory().resolve(logName + mine));
        }
    }

    /**
     * Writable by this account alone, whatever its umask (002 is common): a start uses only such a cache
     * ({@link StartCache#recorded()}), and one it would refuse would be recorded again at every start.
     */
    private static void sealed(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.toList()) {
                var permissions = Files.getPosixFilePermissions(each);
                if (permissions.removeAll(Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE))) {
                    Files.setPosixFilePermissions(each, permissions);
                }
            }
        }
    }

    boolean stopped() {
        return stopping;
    }

    /** When Plate stops while a training runs, the training stops too. */
    void stop() {
        stopping = true;
        Process process = running;
        if (process != null) {
            process.destroyForcibly();
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

    /**
     * Caches of earlier builds of the same jar path (or of a jar that is gone) that no Plate runs or starts from:
     * this one replaces them. The same build's caches for other options or JDKs, and another checkout's, stay.
     */
    void removeReplaced(Path jar) throws IOException {
        String build = StartCache.identity(jar);
        String path = build.lines().findFirst().orElseThrow();
        try (Stream<Path> entries = Files.list(cache.root())) {
            for (Path other : entries.filter(entry -> !entry.equals(cache.directory())).toList()) {
                Path recordedFrom = other.resolve("jar");
                if (!other.getFileName().toString().matches("[0-9a-f]{16}") || !Files.isRegularFile(recordedFrom)) {
                    continue;
                }
                String its = Files.readString(recordedFrom);
                String itsPath = its.lines().findFirst().orElse("");
                boolean earlierBuild = itsPath.equals(path) && !its.equals(build);
                if ((earlierBuild || !Files.exists(Path.of(itsPath)))
                        && !new StartCache(cache.root(), other).inUse()) {
                    delete(other);
                }
            }
        }
    }

    /** What a recording left when its process was killed before it could tidy up. */
    private void removeAbandoned() throws IOException {
        try (Stream<Path> entries = Files.list(cache.directory())) {
            for (Path entry : entries.toList()) {
                var pid = LEFT_BY.matcher(entry.getFileName().toString());
                if (pid.find() && gone(pid.group(1))) {
                    delete(entry);
                }
            }
        }
    }

    /** This process's own id on a leftover is an earlier process's: nothing of this recording exists yet. */
    private static boolean gone(String pid) {
        long id = Long.parseLong(pid);
        return id == ProcessHandle.current().pid() || ProcessHandle.of(id).isEmpty();
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (FileSystemException gone) {
            // removed by another instance meanwhile
        }
    }
}
