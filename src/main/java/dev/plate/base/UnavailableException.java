package dev.plate.base;

import java.time.Duration;

/**
 * Plate cannot do this now, for a reason that passes (it is still starting, a system it needs does not answer):
 * nothing was changed, and the same request later will work. The API answers 503 with {@code Retry-After}.
 */
public class UnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public UnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public UnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
