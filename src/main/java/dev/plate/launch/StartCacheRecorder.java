package dev.plate.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a {@code java -jar} start that had no start-up cache, records one in the background, once Plate is ready:
 * the jar is extracted, and a training start of it (Spring's context only, on a throw-away embedded database and
 * data directory, with none of this process's settings, at low priority) leaves the JDK's ahead-of-time cache
 * behind. It moves into place whole or not at all, and replaces the caches of older jars.
 */
@Component
class StartCacheRecorder {

    private static final Logger log = LoggerFactory.getLogger(StartCacheRecorder.class);

    @EventListener(ApplicationReadyEvent.class)
    void recordIfMissing() {
        String from = System.getProperty(StartFromCache.FROM);
        if (from != null) {
            log.info("Started from the start-up cache in {} (PLATE_START_CACHE=off starts without it)", from);
            return;
        }
        Optional<Path> jar = StartFromCache.executableJar(getClass());
        if (jar.isEmpty()) {
            return;
        }
        try {
            Optional<StartCache> cache = StartCache.of(jar.get(), System.getenv());
            Optional<JavaCommand> command = JavaCommand.ofThisProcess();
            if (cache.isPresent() && command.isPresent() && !cache.get().recorded()) {
                Thread.ofPlatform().daemon().name("start-cache").priority(Thread.MIN_PRIORITY)
                        .start(() -> record(jar.get(), cache.get(), command.get()));
            }
        } catch (IOException | RuntimeException unreadable) {
            log.warn("No start-up cache is recorded: {}", unreadable.toString());
        }
    }

    private void record(Path jar, StartCache cache, JavaCommand command) {
        log.info("Recording a start-up cache for this jar in the background (about half a minute of one core); "
                + "later `java -jar` starts of it begin from there, in {}. PLATE_START_CACHE=off turns this off.",
                cache.root());
        long started = System.nanoTime();
        try {
            var training = new Training(cache, command, Duration.ofMinutes(10));
            training.run(jar);
            long megabytes = (Files.size(cache.archive()) + Files.size(cache.jar())) >> 20;
            log.info("Start-up cache recorded in {} s ({} MB of the archive and the jar, in {}): the next start of "
                    + "this jar begins from it", (System.nanoTime() - started) / 1_000_000_000, megabytes,
                    cache.directory());
            training.removeOthers();
        } catch (IOException | RuntimeException failed) {
            log.warn("The start-up cache could not be recorded ({}); Plate starts without it as before", failed
                    .getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options that are Plate's settings would never reach the training: only these of the environment do. */
    static final List<String> KEPT_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
}
