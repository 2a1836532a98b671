package dev.plate.workloads;

import dev.plate.argocdserver.LogLine;
import java.util.Optional;

/** Where streamed log lines go, called from a background thread. */
public interface LogSink {

    void line(LogLine line);

    /** Lines were dropped because this reader fell behind (a slow browser never grows the server's memory). */
    default void skipped(long lines) {}

    /** The stream ended: at its end, or with a problem a person can act on. Called once, last. */
    void ended(Optional<String> problem);
}
