package dev.plate.base;

/**
 * The request is valid, but something that already exists stands in its way (another owner's object of the same
 * name): nothing was changed. The API answers 409; the message names what is in the way.
 */
public class ConflictException extends ValidationException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
