package dev.plate.argocdserver.internal;

import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogStream;
import dev.plate.base.UnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A log stream from Argo CD's gateway: one JSON object per line. Argo CD sends a followed stream's headers only with
 * its first line, so the response is awaited in {@link #next()}, never when the stream is opened, and closing cancels
 * the exchange whether or not it has answered yet.
 */
final class HttpLogStream implements LogStream {

    private final CompletableFuture<HttpResponse<InputStream>> response;
    private final Function<HttpResponse<InputStream>, UnavailableException> refusal;
    private final Function<Exception, UnavailableException> failure;
    private final String server;
    private BufferedReader reader;
    private volatile InputStream body;
    private volatile boolean closed;

    HttpLogStream(CompletableFuture<HttpResponse<InputStream>> response,
            Function<HttpResponse<InputStream>, UnavailableException> refusal,
            Function<Exception, UnavailableException> failure, String server) {
        this.response = response;
        this.refusal = refusal;
        this.failure = failure;
        this.server = server;
    }

    @Override
    public Optional<LogLine> next() {
        try {
            if (reader == null && !open()) {
                return Optional.empty();
            }
            while (true) {
                String json = reader.readLine();
                if (json == null) {
                    return Optional.empty();
                }
                if (!json.isBlank()) {
                    return ArgoCdJson.logLine(json); // empty: the closing entry
                }
            }
        } catch (IOException e) {
            if (closed) {
                return Optional.empty();
            }
            throw new UnavailableException("The log stream from Argo CD at " + server + " broke: " + e.getMessage(),
                    Duration.ofSeconds(5), e);
        } catch (IllegalStateException e) {
            throw new UnavailableException("Argo CD: " + e.getMessage(), Duration.ofSeconds(5));
        }
    }

    /** Waits for Argo CD's answer: a refusal becomes the caller's exception; false when closed meanwhile. */
    private boolean open() {
        HttpResponse<InputStream> answer;
        try {
            answer = response.get();
        } catch (CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            if (closed) {
                return false;
            }
            throw failure.apply(e.getCause() instanceof Exception cause ? cause : e);
        }
        body = answer.body();
        if (closed) {
            close();
            return false;
        }
        if (answer.statusCode() != 200) {
            throw refusal.apply(answer);
        }
        reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        return true;
    }

    @Override
    public void close() {
        closed = true;
        response.cancel(true);
        var open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing is all that was asked; a broken stream is closed too
            }
        }
    }
}
