package dev.plate.security;

import java.util.List;

/**
 * The groups the sign-in provider named for a user at their last sign-in (none for a local account): what team
 * mappings are matched against at every request, so a changed mapping applies at once and a changed membership at
 * the person's next sign-in.
 */
public interface IdentityGroups {

    List<String> of(String username);
}
