package dev.plate.launch;

import java.io.IOException;
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
        System.out.println(record(application));
        System.exit(0); // a cache is an optimisation: never the reason a build fails
    }

    static String record(Class<?> application) {
        Optional<Path> jar = StartFromCache.executableJar(application);
        if (jar.isEmpty()) {
            return "Plate: no start-up cache is recorded: this is not Boot's executable jar started with java -jar";
        }
        try {
            Optional<Recording> due = Recording.of(jar.get());
            if (due.isEmpty()) {
                return "Plate: no start-up cache to record for " + jar.get() + ": it is recorded already, "
                        + StartCache.SWITCH + " is off, or this JVM cannot start from one (Linux, java -jar, no "
                        + "class-data archive option of its own)";
            }
            if (due.get().skipped() != null) {
                return "Plate: no start-up cache is recorded now: " + due.get().skipped()
                        + "; the jar records it after its first start instead";
            }
            System.out.println("Plate: recording the start-up cache of " + jar.get() + " in "
                    + due.get().cache().directory() + " (about 40 s; -Dplate.start-cache.skip skips it)");
            long started = System.nanoTime();
            Training training = due.get().training();
            if (!training.run(jar.get())) {
                return "Plate: another process is recording this jar's start-up cache";
            }
            training.removeReplaced(jar.get());
            return "Plate: start-up cache recorded and proven in " + (System.nanoTime() - started) / 1_000_000_000
                    + " s: the first java -jar start of this jar begins from it";
        } catch (IOException | RuntimeException failed) {
            return "Plate: [WARNING] the start-up cache could not be recorded (" + failed.getMessage()
                    + "); java -jar starts without it";
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return "Plate: the start-up cache's recording was stopped";
        }
    }
}
