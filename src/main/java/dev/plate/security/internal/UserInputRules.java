package dev.plate.security.internal;

import dev.plate.base.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What Plate accepts as usernames, display names and passwords, with messages a person can act on. */
final class UserInputRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");
    static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads only the first 72 bytes; longer passwords would silently be truncated. */
    static final int MAX_PASSWORD_BYTES = 72;

    private UserInputRules() {}

    static String username(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new ValidationException("username", "Username is required.");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw new ValidationException("username", "Username must be 1-64 characters: lowercase letters, digits, "
                    + "'.', '_' or '-', starting and ending with a letter or digit.");
        }
        return value;
    }

    static String displayName(String raw, String fallback) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.length() > 128) {
            throw new ValidationException("displayName", "Display name must be at most 128 characters.");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("displayName", "Display name must not contain control characters or line breaks.");
        }
        return value;
    }

    static String password(String field, String raw) {
        if (raw == null || raw.length() < MIN_PASSWORD_LENGTH) {
            throw new ValidationException(field, "Password must be at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ValidationException(field, "Password must be at most " + MAX_PASSWORD_BYTES + " bytes.");
        }
        if (raw.isBlank()) {
            throw new ValidationException(field, "Password must not be only spaces.");
        }
        return raw;
    }
}
