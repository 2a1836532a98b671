package dev.plate.teams.internal;

import dev.plate.security.CurrentUser;
import dev.plate.security.Role;
import dev.plate.teams.TeamAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Two small queries per decision: the account's membership, and the team's group mappings. */
@Component
class TeamRoles implements TeamAccess {

    private final CurrentUser user;
    private final JdbcTemplate jdbc;

    TeamRoles(CurrentUser user, JdbcTemplate jdbc) {
        this.user = user;
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String team) {
        return !jdbc.query("select 1 from team where name = ?", (row, i) -> 1, team).isEmpty();
    }

    @Override
    public java.util.List<String> teamsWhere(Role needed) {
        return jdbc.query("select name from team order by name", (row, i) -> row.getString(1)).stream()
                .filter(team -> may(Optional.of(team), needed)).toList();
    }

    @Override
    public Optional<Role> roleOn(Optional<String> team) {
        Optional<Role> global = user.role();
        if (user.readOnly()) {
            // A read-only token reads, whatever its owner may do in any team.
            return global.map(role -> Role.VIEWER);
        }
        Optional<String> scope = user.teamScope();
        if (scope.isPresent() && !scope.equals(team)) {
            // A token limited to one team reads everything and changes nothing else.
            return global.map(role -> Role.VIEWER);
        }
        if (team.isEmpty() || global.isEmpty()) {
            return global;
        }
        var roles = new ArrayList<Role>();
        roles.add(global.get());
        roles.addAll(teamRoles(team.get(), user.name()));
        return roles.stream().min(java.util.Comparator.naturalOrder());
    }

    @Override
    public Optional<Role> roleInTeam(String team) {
        if (user.role().isEmpty() || user.readOnly() || user.teamScope().filter(scope -> !scope.equals(team))
                .isPresent()) {
            return Optional.empty();
        }
        return teamRoles(team, user.name()).stream().min(java.util.Comparator.naturalOrder());
    }

    @Override
    public void require(Optional<String> team, Role needed, String doing) {
        Optional<Role> held = roleOn(team);
        if (held.map(role -> role.includes(needed)).orElse(false)) {
            return;
        }
        String needs = capitalised(doing) + " needs the " + needed.name() + " role";
        // Where the account may, the token's limit is the reason: "you have VIEWER" would send its owner to an admin.
        boolean accountMay = (user.readOnly() || user.teamScope().isPresent()) && accountRole(team)
                .map(role -> role.includes(needed)).orElse(false);
        if (accountMay && user.readOnly()) {
            throw new AccessDeniedException(needs + "; this access token is read-only.");
        }
        if (accountMay && user.teamScope().isPresent() && !user.teamScope().equals(team)) {
            throw new AccessDeniedException(needs + team.map(name -> " in team " + name).orElse("")
                    + "; this access token is limited to team " + user.teamScope().get() + ".");
        }
        String have = held.map(Role::name).orElse("no role");
        throw new AccessDeniedException(capitalised(doing) + " needs the " + needed.name() + " role" + team.map(name ->
                " in team " + name + " (you have " + have + " there)").orElse(" (you have " + have + ")") + ".");
    }

    /** The account's own role on a team's projects, as if it signed in: what its access token's limit hides. */
    private Optional<Role> accountRole(Optional<String> team) {
        var roles = new ArrayList<Role>(jdbc.query("select role from plate_user where username = ? and enabled = true",
                (row, i) -> Role.valueOf(row.getString(1)), user.name()));
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        team.ifPresent(name -> roles.addAll(teamRoles(name, user.name())));
        return roles.stream().min(java.util.Comparator.naturalOrder());
    }

    /** The roles the team gives this account: as a member, and through the provider's groups. */
    private java.util.List<Role> teamRoles(String team, String username) {
        var roles = new ArrayList<Role>(jdbc.query("select m.role from team_member m join team t on t.id = m.team_id "
                + "join plate_user u on u.id = m.user_id where t.name = ? and u.username = ? and u.enabled = true",
                (row, i) -> Role.valueOf(row.getString(1)), team, username));
        var mine = new HashSet<>(groupsOf(username));
        if (!mine.isEmpty()) {
            jdbc.query("select g.group_name, g.role from team_group g join team t on t.id = g.team_id where t.name = ?",
                    (java.sql.ResultSet row) -> {
                        if (mine.contains(row.getString(1))) {
                            roles.add(Role.valueOf(row.getString(2)));
                        }
                    }, team);
        }
        return roles;
    }

    /**
     * The groups the sign-in provider named at the account's last sign-in (none for a local account), matched against
     * the mappings as they are now: a changed mapping applies at once, a changed membership from the next sign-in.
     */
    private java.util.List<String> groupsOf(String username) {
        return jdbc.query("select identity_groups from plate_user where username = ? and enabled = true",
                (row, i) -> row.getString(1), username).stream().filter(java.util.Objects::nonNull).findFirst()
                .filter(text -> !text.isEmpty()).map(text -> java.util.List.of(text.split("\n")))
                .orElse(java.util.List.of());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
