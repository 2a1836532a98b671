package dev.plate.security;

/**
 * An account's access was ended: disabled by an administrator, or suspended because its provider's groups give no
 * access any more. Published inside the transaction that ends it, so whoever keeps credentials of that account (module
 * {@code tokens}) ends them in the same commit, or the disable does not happen at all. The account's browser sessions
 * and login tokens are already ended by then; what is ended stays ended when the account is enabled again.
 *
 * @param username the account
 * @param actor who ended it (the account itself when its groups did)
 * @param reason why, for the audit log: "its owner was disabled"
 */
public record AccessEnded(String username, String actor, String reason) {}
