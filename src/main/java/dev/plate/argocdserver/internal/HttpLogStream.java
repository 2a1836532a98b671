package dev.plate.argocdserver.internal;

import dev.plate.base.UnavailableException;
import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A log stream from Argo CD's gateway: one JSON object per line. Closing the body's stream is how the JDK's client
 * cancels the exchange.
 */
final class HttpLogStream implements LogStream {

    private final InputStream body;
    private final BufferedReader reader;
    private final String server;
    private volatile boolean closed;

    HttpLogStream(InputStream body, String server) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        this.server = server;
    }

    @Override
    public Optional<LogLine> next() {
        while (true) {
            String json;
            try {
                json = reader.readLine();
            } catch (IOException e) {
                if (closed) {
                    return Optional.empty();
                }
                throw new UnavailableException("The log stream from Argo CD at " + server + " broke: " + e.getMessage(),
                        Duration.ofSeconds(5), e);
            }
            if (json == null) {
                return Optional.empty();
            }
            if (json.isBlank()) {
                continue;
            }
            try {
                return ArgoCdJson.logLine(json); // empty: the closing entry
            } catch (IllegalStateException e) {
                throw new UnavailableException("Argo CD: " + e.getMessage(), Duration.ofSeconds(5));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException e) {
            // closing is all that was asked; a broken stream is closed too
        }
    }
}
