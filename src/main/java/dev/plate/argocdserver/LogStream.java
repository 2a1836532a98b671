package dev.plate.argocdserver;

import java.util.Optional;

/** An open log stream from Argo CD. Read on one thread; {@link #close()} from any thread stops it upstream. */
public interface LogStream extends AutoCloseable {

    /**
     * The next line, blocking; empty at the stream's end.
     *
     * @throws dev.plate.base.UnavailableException when the stream fails (Argo CD's error, a dropped connection)
     */
    Optional<LogLine> next();

    @Override
    void close();
}
