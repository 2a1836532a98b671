package dev.plate.deployment.internal;

import dev.plate.gitops.ChangeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is acting: the signed-in user, who also becomes the author of the commit made on their behalf. */
@Component
class Actors {

    private final SecurityContextHolderStrategy securityContext;

    Actors(SecurityContextHolderStrategy securityContext) {
        this.securityContext = securityContext;
    }

    String current() {
        var authentication = securityContext.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    boolean hasRole(String role) {
        var authentication = securityContext.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }

    ChangeSet.Author author(String username) {
        return new ChangeSet.Author(username, username + "@users.plate.local");
    }
}
