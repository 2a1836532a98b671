package dev.plate.argocd;

/** Argo CD's API (the management cluster) refused or could not be reached; the message says which. */
public class ArgoCdException extends RuntimeException {

    public ArgoCdException(String message, Throwable cause) {
        super(message, cause);
    }
}
