package dev.plate.security.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Username and password login with a lock after repeated failures. Each attempt is counted before the
 * password is checked, so a locked account is refused even with the right password until the lock ends, and
 * guesses sent in parallel cannot slip past the limit.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        var refused = throttle.begin(username);
        if (refused.isPresent()) {
            throw locked(refused.get());
        }
        Authentication result;
        try {
            result = passwordCheck.authenticate(authentication);
        } catch (BadCredentialsException e) {
            var locked = throttle.failed(username);
            if (locked.isPresent()) {
                throw locked(locked.get());
            }
            throw e;
        }
        var lockedMeanwhile = throttle.succeeded(username);
        if (lockedMeanwhile.isPresent()) {
            throw locked(lockedMeanwhile.get());
        }
        return result;
    }

    private LockedException locked(Instant until) {
        return new LockedException("Too many failed logins: this account is locked for "
                + LoginThrottle.minutes(throttle.remaining(until)) + " (until " + TIME.format(until)
                + "). An administrator can unlock it sooner.");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
