package dev.plate.security;

/** The audit log's record of sign-ins: a refused one, with the address it came from. */
public interface SignInLog {

    /** @param username as the person gave it or the provider named it; null when unknown */
    void refused(String username, String why);
}
