package dev.plate.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./mvnw package} records the start-up cache of the jar it has just built: the pom's {@code start-cache}
 * execution runs {@code java -Dplate.start-cache.record=build -jar target/plate-….jar}, which records the cache and
 * ends, without starting Plate. So even the first {@code java -jar} start of a build begins from its cache, as the
 * image's first start does (ADR 0021, amendment of stop 33). A build that cannot record one says why and goes on:
 * the jar then records its cache after its first start, as it did before.
 */
public final class StartCacheAtBuild {

    static final String PROPERTY = "plate.start-cache.record";

    private StartCacheAtBuild() {}

    /** Call first in {@code main}: returns at once unless the build asked for the recording, else ends the JVM. */
    public static void recordIfAsked(Class<?> application) {
        if (!"build".equals(System.getProperty(PROPERTY))) {
            return;
        }
        String outcome;
        try {
            outcome = record(application);
        } catch (Throwable unexpected) { // a cache is an optimisation: never the reason a build fails
            outcome = "Plate: [WARNING] the start-up cache could not be recorded: " + unexpected;
        }
        System.out.println(outcome);
        System.exit(0);
    }

    static String record(Class<?> application) {
        if (!Files.isReadable(Path.of("/proc/self/cmdline"))) {
            return "Plate: no start-up cache is recorded: only a start on Linux can use one";
        }
        Optional<Path> jar = StartFromCache.executableJar(application);
        if (jar.isEmpty()) {
            return "Plate: no start-up cache is recorded: this is not Boot's executable jar started with java -jar";
        }
        Recording due;
        try {
            Optional<Recording> recording = Recording.of(jar.get());
            if (recording.isEmpty()) {
                return "Plate: no start-up cache to record for " + jar.get() + ": it is recorded already, "
                        + StartCache.SWITCH + " is off, or the JVM's options choose a class-data archive";
            }
            due = recording.get();
        } catch (IOException unreadable) {
            return "Plate: [WARNING] no start-up cache is recorded: " + unreadable;
        }
        if (due.skipped() != null) {
            return "Plate: no start-up cache is recorded now: " + due.skipped()
                    + "; the jar records it after its first start instead";
        }
        System.out.println("Plate: recording the start-up cache of " + jar.get() + " in " + due.cache().directory()
                + " (about 40 s; -Dplate.start-cache.skip skips it)");
        Training training = due.training();
        // Maven stopped (Ctrl-C): the training start stops too, and is no failure.
        var stop = new Thread(training::stop, "start-cache-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        long started = System.nanoTime();
        try {
            if (!training.run(jar.get())) {
                return "Plate: another process is recording this jar's start-up cache";
            }
        } catch (IOException | RuntimeException failed) {
            if (training.stopped()) {
                return "Plate: the start-up cache's recording was stopped";
            }
            // Not the day's pause a failed recording after a start gets: the jar's first start tries again, in
            // quieter conditions than a build's.
            due.cache().directory().resolve("failed").toFile().delete();
            return "Plate: [WARNING] the start-up cache could not be recorded (" + failed.getMessage()
                    + "); the jar's first start records it instead";
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return "Plate: the start-up cache's recording was stopped";
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook has run: the training was stopped
            }
        }
        String recorded = "Plate: start-up cache recorded and proven in " + (System.nanoTime() - started)
                / 1_000_000_000 + " s: the first java -jar start of this jar begins from it";
        try {
            training.removeReplaced(jar.get());
        } catch (IOException | RuntimeException leftOver) {
            return recorded + " (the caches of earlier builds could not be removed: " + leftOver.getMessage() + ")";
        }
        return recorded;
    }
}
