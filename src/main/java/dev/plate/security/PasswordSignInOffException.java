package dev.plate.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but passwords are turned off for this account's role: it signs in the other way (single
 * sign-on). Told only after the password was checked, so it says nothing about which accounts exist.
 */
public class PasswordSignInOffException extends AuthenticationException {

    public PasswordSignInOffException(String message) {
        super(message);
    }
}
