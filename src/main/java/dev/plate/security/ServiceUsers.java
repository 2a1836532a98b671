package dev.plate.security;

/**
 * Accounts for machines rather than people (Argo CD reading the config repository, say): ordinary users, so an admin
 * sees them and can disable one, whose password nobody knows. Module {@code tokens} issues their tokens.
 */
public interface ServiceUsers {

    /** Creates the account if it does not exist yet (an existing one, disabled or not, is left as it is). */
    void ensure(String username, String displayName, Role role);
}
