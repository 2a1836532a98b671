package dev.plate.teams;

import dev.plate.security.Role;
import java.util.Optional;

/**
 * What the person acting now may do to a project of a team: the highest of their Plate-wide role, their role as a
 * member of the team, and the roles the team gives their provider groups. Asked at every action (never cached in a
 * session), so a changed membership or mapping applies at once. A project of no team: the Plate-wide role alone.
 */
public interface TeamAccess {

    /** Whether a team of that name exists (a project may name one not made yet, e.g. recovered from Git). */
    boolean exists(String team);

    /** The teams in which the person acting now has at least {@code needed} (every team, with a Plate-wide role). */
    java.util.List<String> teamsWhere(Role needed);

    /** Empty: no role at all (nobody signed in). */
    Optional<Role> roleOn(Optional<String> team);

    /**
     * The role the team itself gives the person acting now (as a member, and through their groups), leaving their
     * Plate-wide role out: for approvals that only the project's team may give. Empty: none.
     */
    Optional<Role> roleInTeam(String team);

    default boolean may(Optional<String> team, Role needed) {
        return roleOn(team).map(role -> role.includes(needed)).orElse(false);
    }

    /**
     * @param doing what is refused, for the message: "deploying web to prod"
     * @throws org.springframework.security.access.AccessDeniedException without the role, saying which role where
     */
    void require(Optional<String> team, Role needed, String doing);
}
