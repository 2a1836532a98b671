package dev.plate.teams;

import dev.plate.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Teams and who is in them. Reading is for everyone signed in; every change is an administrator's, and audited. A
 * role in a team is VIEWER, DEVELOPER or MAINTAINER (administration is Plate-wide).
 */
public interface TeamService {

    @PreAuthorize("hasRole('VIEWER')")
    List<Team> list();

    @PreAuthorize("hasRole('VIEWER')")
    Optional<Team> find(String name);

    @PreAuthorize("hasRole('ADMIN')")
    Team create(String name, String displayName);

    /** Refused while projects belong to it: they would silently fall back to Plate-wide roles. */
    @PreAuthorize("hasRole('ADMIN')")
    void delete(String name);

    /** Adds the account to the team, or changes its role there. */
    @PreAuthorize("hasRole('ADMIN')")
    Team setMember(String team, String username, Role role);

    @PreAuthorize("hasRole('ADMIN')")
    Team removeMember(String team, String username);

    /** Everyone the provider puts in {@code group} has {@code role} in the team (from their next request). */
    @PreAuthorize("hasRole('ADMIN')")
    Team setGroup(String team, String group, Role role);

    @PreAuthorize("hasRole('ADMIN')")
    Team removeGroup(String team, String group);
}
