package dev.plate.security;

import java.util.Optional;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Another way into the browser beside the password form (single sign-on is one): the browser's security chain lets
 * each one add its filters, and the login page shows its button while it is configured. Always wired, asked at run
 * time (docs/adr/0015-ahead-of-time-start.md).
 */
public interface BrowserSignIn {

    /** Adds this way to sign in to the browser's chain. */
    void configure(HttpSecurity http) throws Exception;

    /** Where a sign-out goes after Plate's session ended (e.g. the provider's own sign-out); empty: the login page. */
    Optional<LogoutSuccessHandler> logoutSuccess();

    /** The login page's buttons for this way, as configured now: "Sign in with Keycloak", and where it leads. */
    java.util.List<Button> buttons();

    /** @param path relative to Plate's address */
    record Button(String label, String path) {}

    /** The login page's sentence for a sign-in of this way that failed; empty for others' failures. */
    default Optional<String> explain(Exception failure) {
        return Optional.empty();
    }

    /**
     * Whether an account of this role may still sign in with a password while this way is configured. An
     * administrator's always may: the break glass when the provider is down.
     */
    default boolean allowsPasswordsFor(Role role) {
        return true;
    }
}
