package dev.plate.security;

/**
 * Role names as compile-time constants for {@code @RolesAllowed} and {@code @PreAuthorize}. Kept in step with
 * {@link Role}; a test checks that they match.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String MAINTAINER = "MAINTAINER";
    public static final String DEVELOPER = "DEVELOPER";
    public static final String VIEWER = "VIEWER";

    private Roles() {}
}
