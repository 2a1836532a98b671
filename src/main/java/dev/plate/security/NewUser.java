package dev.plate.security;

/** Input for creating an account; validated by {@link UserService}. */
public record NewUser(String username, String displayName, Role role, String password) {}
