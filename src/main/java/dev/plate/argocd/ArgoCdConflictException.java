package dev.plate.argocd;

/** An object of the name Plate wants exists and is not this Plate's: it is left alone. */
public class ArgoCdConflictException extends ArgoCdException {

    public ArgoCdConflictException(String message) {
        super(message, null);
    }
}
