package dev.plate.security.internal;

import dev.plate.security.SignInRateLimitedException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Username and password sign-in (the login page, {@code /api/v1/login}, git over HTTP) with two limits: each source
 * address's budget of failed sign-ins per minute ({@link SignInSources}), and a lock of an address out of an
 * account after repeated failures ({@link LoginThrottle}). Each attempt is counted before the password is
 * checked, so a locked address is refused even with the right password until the lock ends, and guesses sent in
 * parallel cannot slip past the limits.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;
    private final SignInSources sources;
    private final SignInAudit audit;
    private final java.util.function.Supplier<java.util.List<dev.plate.security.BrowserSignIn>> otherWays;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle,
            SignInSources sources, SignInAudit audit,
            java.util.function.Supplier<java.util.List<dev.plate.security.BrowserSignIn>> otherWays) {
        this.otherWays = otherWays;
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
        this.sources = sources;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String source = sources.current();
        var wait = sources.take(source);
        if (wait.isPresent()) {
            throw new SignInRateLimitedException(wait.get());
        }
        var refused = throttle.begin(username, source);
        if (refused.isPresent()) {
            audit.refused(username, source, "locked out after too many failed sign-ins");
            throw locked(refused.get());
        }
        Authentication result;
        try {
            result = passwordCheck.authenticate(authentication);
        } catch (BadCredentialsException e) {
            audit.refused(username, source, "wrong username or password");
            var locked = throttle.failed(username, source);
            if (locked.isPresent()) {
                throw locked(locked.get());
            }
            throw e;
        }
        var lockedMeanwhile = throttle.succeeded(username, source);
        if (lockedMeanwhile.isPresent()) {
            throw locked(lockedMeanwhile.get());
        }
        sources.giveBack(source);
        requirePasswordsAllowed(username, source, result);
        return result;
    }

    /** An administrator's password always works (the break glass); others' only while no other way turned it off. */
    private void requirePasswordsAllowed(String username, String source, Authentication result) {
        var held = result.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        var role = java.util.Arrays.stream(dev.plate.security.Role.values()).filter(r -> held.contains("ROLE_" + r))
                .findFirst().orElse(dev.plate.security.Role.VIEWER);
        for (var way : otherWays.get()) {
            if (!way.allowsPasswordsFor(role)) {
                audit.refused(username, source, "password sign-in is turned off for " + role.name());
                throw new dev.plate.security.PasswordSignInOffException("Your account signs in with a button above ("
                        + way.buttons().stream().map(b -> b.label()).collect(java.util.stream.Collectors.joining(", "))
                        + "): passwords are kept for administrators.");
            }
        }
    }

    private LockedException locked(Instant until) {
        return new LockedException("Too many failed sign-ins to this account from your address: try again in "
                + LoginThrottle.minutes(throttle.remaining(until)) + " (after " + TIME.format(until)
                + "), or ask an administrator to unlock it.");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
