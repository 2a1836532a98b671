package dev.plate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a {@code text/event-stream} as the HTML standard defines it: an event ends at a blank line; its
 * {@code data:} lines are joined with newlines; {@code event:} names it ({@code message} when none does); lines
 * starting with {@code :} are comments (the server's keep-alives); an event cut off by the end of the stream is
 * dropped. {@code id:} and {@code retry:} are ignored: the CLI does not reconnect by itself.
 */
final class ServerSentEvents {

    record Event(String type, String data) {}

    private final BufferedReader reader;
    private boolean first = true;

    ServerSentEvents(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next event, waiting for it as long as the stream stays open; empty once the stream has ended. */
    Optional<Event> next() throws IOException {
        String type = "";
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (first) {
                first = false;
                line = line.startsWith("\uFEFF") ? line.substring(1) : line;
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(type.isEmpty() ? "message" : type, data.toString()));
                }
                type = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            if (field.equals("event")) {
                type = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return Optional.empty();
    }
}
