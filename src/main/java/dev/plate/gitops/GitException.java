package dev.plate.gitops;

/** The config repository could not be read or written; the message says what failed, nothing was changed. */
public class GitException extends RuntimeException {

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
