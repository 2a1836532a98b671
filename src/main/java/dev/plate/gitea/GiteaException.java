package dev.plate.gitea;

/** Gitea refused or failed a request; the message says what to check, and nothing was half-done by Plate. */
public class GiteaException extends RuntimeException {

    private final int status;

    public GiteaException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Gitea answered with, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}
