package dev.plate.security;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many failed sign-ins came from the caller's address lately, whatever the accounts: every attempt from it is
 * refused until {@link #retryAfter()} has passed (the API answers 429 with {@code Retry-After}).
 */
public class SignInRateLimitedException extends AccountStatusException {

    private final Duration retryAfter;

    public SignInRateLimitedException(Duration retryAfter) {
        super("Too many failed sign-ins from your address: try again in " + Math.max(1, retryAfter.toSeconds() + 1)
                + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
