package dev.plate.teams;

import dev.plate.security.Role;
import java.util.List;

/**
 * A team as an administrator sees it.
 *
 * @param members accounts with a role in the team
 * @param groups groups at the sign-in provider whose members have a role in the team
 * @param projects the projects that belong to it
 */
public record Team(String name, String displayName, List<Member> members, List<GroupRole> groups,
        List<String> projects) {

    public record Member(String username, Role role) {}

    public record GroupRole(String group, Role role) {}
}
