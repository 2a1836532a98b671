package dev.plate.security;

import java.util.List;
import java.util.Optional;

/**
 * Plate's accounts for people a sign-in provider vouches for: created at the first sign-in, linked by issuer and
 * subject (never by name: an existing account of the same name is never taken over), the role set at every sign-in
 * (docs/adr/0016-single-sign-on.md).
 */
public interface ProviderAccounts {

    /** The person as the provider describes them. */
    record Identity(String issuer, String subject, String username, String displayName, List<String> groups) {}

    /** The account signed in as, or why not ({@code refusal} present). What changed is committed either way. */
    record Outcome(String username, Role role, Optional<String> refusal) {}

    /** @param granted the role the person's groups give now; empty: none, which suspends a returning account */
    Outcome signIn(Identity identity, Optional<Role> granted);
}
