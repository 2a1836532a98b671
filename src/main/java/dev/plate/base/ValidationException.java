package dev.plate.base;

/**
 * Input that Plate refuses. The message is for a person: it names the field and says what would be accepted.
 */
public class ValidationException extends RuntimeException {

    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
