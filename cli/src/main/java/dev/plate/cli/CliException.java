package dev.plate.cli;

import java.util.List;

/**
 * A failure the user is told about in one line, with the exit code that classifies it; {@code details} are lines
 * printed after it when one line cannot say why (a failed deployment's evidence).
 */
public final class CliException extends RuntimeException {

    private final int exitCode;
    private final List<String> details;

    public CliException(int exitCode, String message) {
        this(exitCode, message, List.of());
    }

    public CliException(int exitCode, String message, List<String> details) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> details() {
        return details;
    }
}
