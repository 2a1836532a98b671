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
 * Username and password login with a lock after repeated failures. The lock is checked before the password,
 * so a locked account is refused even with the right password until the lock ends.
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
        var lockedUntil = throttle.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            throw locked(lockedUntil.get());
        }
        try {
            Authentication result = passwordCheck.authenticate(authentication);
            throttle.recordSuccess(username);
            return result;
        } catch (BadCredentialsException e) {
            var nowLocked = throttle.recordFailure(username);
            if (nowLocked.isPresent()) {
                throw locked(nowLocked.get());
            }
            throw e;
        }
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
