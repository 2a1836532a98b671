package dev.plate.base;

/**
 * What the request would create exists already under that name (a project, an environment, a user): a conflict a
 * script may want to tell apart from others (the API marks its problem, the CLI exits 7 for it).
 */
public class AlreadyExistsException extends ConflictException {

    public AlreadyExistsException(String field, String message) {
        super(field, message);
    }
}
