package dev.plate.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A recording of this JVM's jar's start-up cache that is due, or the reason it is not made now ({@code skipped}, a
 * sentence for the log). Empty when there is nothing to record and nothing to say: the cache is turned off or
 * recorded already, or this JVM could not start from one ({@code java -jar} on Linux, with no archive of its own).
 */
record Recording(StartCache cache, Training training, String skipped) {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    static Optional<Recording> of(Path jar) throws IOException {
        List<String> options = JvmOptions.ofThisJvm();
        Optional<StartCache> cache = StartCache.of(jar, System.getenv(), options);
        if (cache.isEmpty() || cache.get().recorded() || JvmOptions.choosesArchive(options)
                || JavaCommand.ofThisProcess().isEmpty()) {
            return Optional.empty();
        }
        var training = new Training(cache.get(), options, LIMIT);
        return Optional.of(new Recording(cache.get(), training, training.reasonToSkip()));
    }
}
