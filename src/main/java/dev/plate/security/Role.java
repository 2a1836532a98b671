package dev.plate.security;

import java.util.Arrays;
import java.util.List;

/**
 * Plate's roles, from most to least powerful. A role includes every role below it: a MAINTAINER can do all a
 * DEVELOPER can. Use {@link Roles} in annotations; this enum is for code and storage.
 */
public enum Role {
    ADMIN("Administrator: users, integrations, environments, everything else"),
    MAINTAINER("Deploys to protected environments, promotes and rolls back"),
    DEVELOPER("Imports projects and deploys to unprotected environments"),
    VIEWER("Reads projects, deployments and status");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** As people read it: "Maintainer". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** This role and every role it includes, in Spring's {@code ROLE_} authority form. */
    public List<String> grantedAuthorities() {
        return Arrays.stream(values()).filter(other -> other.ordinal() >= ordinal()).map(other -> "ROLE_" + other.name())
                .toList();
    }

    public boolean includes(Role other) {
        return ordinal() <= other.ordinal();
    }
}
