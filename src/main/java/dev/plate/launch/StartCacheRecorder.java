package dev.plate.launch;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a {@code java -jar} start that had no start-up cache, records one in the background, once Plate is ready
 * ({@link Training}). After a start from the cache, notes that it got as far as ready, and holds the cache in use.
 */
@Component
class StartCacheRecorder {

    private static final Logger log = LoggerFactory.getLogger(StartCacheRecorder.class);

    private volatile Training training;

    @EventListener(ApplicationReadyEvent.class)
    void atReady() {
        String from = System.getProperty(StartFromCache.FROM);
        if (from != null) {
            startedFromCache(Path.of(from));
            return;
        }
        Optional<Path> jar = StartFromCache.executableJar(getClass());
        if (jar.isEmpty()) {
            return;
        }
        try {
            Optional<Recording> due = Recording.of(jar.get());
            if (due.isEmpty()) {
                return;
            }
            if (due.get().skipped() != null) {
                log.info("No start-up cache is recorded for this jar now: {}", due.get().skipped());
                return;
            }
            Training next = due.get().training();
            training = next;
            Thread.ofPlatform().daemon().name("start-cache").priority(Thread.MIN_PRIORITY)
                    .start(() -> record(jar.get(), due.get().cache(), next));
        } catch (IOException | RuntimeException unreadable) {
            log.warn("No start-up cache is recorded: {}", unreadable.toString());
        }
    }

    private static void startedFromCache(Path cache) {
        try {
            InUse.hold(cache);
        } catch (IOException unwritable) {
            log.warn("The start-up cache in {} could not be marked as in use: {}", cache, unwritable.toString());
        }
        try {
            Files.deleteIfExists(cache.resolve("starting." + ProcessHandle.current().pid()));
        } catch (IOException unwritable) {
            log.warn("The start-up cache in {} could not be marked as started from: {}", cache, unwritable.toString());
        }
        log.info("Started from the start-up cache in {} (PLATE_START_CACHE=off starts without it)", cache);
    }

    private void record(Path jar, StartCache cache, Training training) {
        log.info("Recording a start-up cache for this jar in the background (about a minute of one core, at low "
                + "priority); later `java -jar` starts of it begin from there, in {}. PLATE_START_CACHE=off turns "
                + "this off.", cache.root());
        long started = System.nanoTime();
        try {
            if (!training.run(jar)) {
                log.info("Another Plate is recording this jar's start-up cache");
                return;
            }
            log.info("Start-up cache recorded and proven in {} s ({} MB in {}): the next start of this jar begins "
                    + "from it", (System.nanoTime() - started) / 1_000_000_000, megabytes(cache.directory()),
                    cache.directory());
            training.removeReplaced(jar);
        } catch (IOException | RuntimeException failed) {
            log.warn("The start-up cache could not be recorded ({}); Plate starts without it as before, and tries "
                    + "again in a day", failed.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static long megabytes(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum() >> 20;
        }
    }

    @PreDestroy
    void stop() {
        Training current = training;
        if (current != null) {
            current.stop();
        }
    }
}
