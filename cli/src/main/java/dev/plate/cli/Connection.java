package dev.plate.cli;

import java.util.HashMap;
import picocli.CommandLine.Option;

/**
 * {@code --server} and {@code --token}: another server or token for one command, as {@code PLATE_URL} and
 * {@code PLATE_TOKEN} give them (which they override), without touching the stored login.
 */
final class Connection {

    @Option(names = "--server", paramLabel = "URL", description = "Plate's address for this command (else "
            + "PLATE_URL, else the login's)")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "the API token for this command (else "
            + "PLATE_TOKEN, else the login's); prefer PLATE_TOKEN, which other users cannot read in the process list")
    String token;

    /** The terminal as if {@code PLATE_URL}/{@code PLATE_TOKEN} said what the flags say. */
    Terminal applied(Terminal terminal) {
        if (server == null && token == null) {
            return terminal;
        }
        var env = new HashMap<>(terminal.env());
        if (server != null) {
            env.put("PLATE_URL", server);
        }
        if (token != null) {
            env.put("PLATE_TOKEN", token);
        }
        return new Terminal(terminal.out(), terminal.err(), terminal.in(), env, terminal.interactive());
    }
}
