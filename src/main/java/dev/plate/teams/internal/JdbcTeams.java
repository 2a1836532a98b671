package dev.plate.teams.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.AlreadyExistsException;
import dev.plate.base.ConflictException;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import dev.plate.security.CurrentUser;
import dev.plate.security.Role;
import dev.plate.teams.Team;
import dev.plate.teams.TeamService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcTeams implements TeamService {

    /** A team's name is also a word in URLs, the CLI and the config repository. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final List<Role> TEAM_ROLES = List.of(Role.MAINTAINER, Role.DEVELOPER, Role.VIEWER);

    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final AuditLog audit;
    private final CurrentUser user;
    private final Clock clock;

    JdbcTeams(JdbcTemplate jdbc, ProjectService projects, AuditLog audit, CurrentUser user, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.audit = audit;
        this.user = user;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Team> list() {
        var all = projects.list();
        return jdbc.query("select id, name, display_name from team order by name", (row, i) -> team(row.getLong(1),
                row.getString(2), row.getString(3), all));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Team> find(String name) {
        return idOf(name).map(id -> team(id, name, jdbc.queryForObject("select display_name from team where id = ?",
                String.class, id), projects.list()));
    }

    @Override
    public Team create(String name, String displayName) {
        String team = name(name);
        String shown = displayName == null || displayName.isBlank() ? team : displayName.strip();
        if (shown.length() > 128 || shown.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("displayName", "A display name is one line of at most 128 characters.");
        }
        if (idOf(team).isPresent()) {
            throw new AlreadyExistsException("name", "A team named '" + team + "' already exists.");
        }
        jdbc.update("insert into team (name, display_name, created_at) values (?, ?, ?)", team, shown,
                Timestamp.from(clock.instant()));
        audit.record(user.name(), "team.created", "team:" + team, shown);
        return require(team);
    }

    @Override
    public void delete(String name) {
        long id = idOf(name).orElseThrow(() -> missing(name));
        var owned = owned(name, projects.list());
        if (!owned.isEmpty()) {
            throw new ConflictException("name", "Team " + name + " owns " + String.join(", ", owned) + ": move or "
                    + "remove those projects first (a project without its team would fall back to Plate-wide roles).");
        }
        jdbc.update("delete from team where id = ?", id);
        audit.record(user.name(), "team.deleted", "team:" + name, "");
    }

    @Override
    public Team setMember(String team, String username, Role role) {
        long id = idOf(team).orElseThrow(() -> missing(team));
        Role checked = teamRole(role, "role");
        Long userId = jdbc.query("select id from plate_user where username = ?", (row, i) -> row.getLong(1),
                username == null ? "" : username.strip()).stream().findFirst().orElseThrow(() -> new ValidationException(
                        "username", "There is no user named '" + username + "'. People who sign in with single sign-on "
                                + "have an account from their first sign-in on; to include them before, map one of "
                                + "their groups at the provider to this team."));
        int updated = jdbc.update("update team_member set role = ? where team_id = ? and user_id = ?", checked.name(),
                id, userId);
        if (updated == 0) {
            jdbc.update("insert into team_member (team_id, user_id, role) values (?, ?, ?)", id, userId, checked.name());
        }
        audit.record(user.name(), "team.member-set", "team:" + team, username.strip() + " as " + checked.name());
        return require(team);
    }

    @Override
    public Team removeMember(String team, String username) {
        long id = idOf(team).orElseThrow(() -> missing(team));
        int removed = jdbc.update("delete from team_member where team_id = ? and user_id = (select id from plate_user "
                + "where username = ?)", id, username);
        if (removed == 0) {
            throw new NotFoundException(username + " is not a member of team " + team + ".");
        }
        audit.record(user.name(), "team.member-removed", "team:" + team, username);
        return require(team);
    }

    @Override
    public Team setGroup(String team, String group, Role role) {
        long id = idOf(team).orElseThrow(() -> missing(team));
        Role checked = teamRole(role, "groupRole");
        String name = group == null ? "" : group.strip();
        if (name.isEmpty() || name.length() > 255 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("group", "Enter the group's name exactly as the provider sends it in the "
                    + "groups claim (one line, at most 255 characters).");
        }
        int updated = jdbc.update("update team_group set role = ? where team_id = ? and group_name = ?",
                checked.name(), id, name);
        if (updated == 0) {
            jdbc.update("insert into team_group (team_id, group_name, role) values (?, ?, ?)", id, name, checked.name());
        }
        audit.record(user.name(), "team.group-set", "team:" + team, "group " + name + " as " + checked.name());
        return require(team);
    }

    @Override
    public Team removeGroup(String team, String group) {
        long id = idOf(team).orElseThrow(() -> missing(team));
        if (jdbc.update("delete from team_group where team_id = ? and group_name = ?", id, group) == 0) {
            throw new NotFoundException("Group " + group + " gives no role in team " + team + ".");
        }
        audit.record(user.name(), "team.group-removed", "team:" + team, "group " + group);
        return require(team);
    }

    private Team team(long id, String name, String displayName, List<ProjectSummary> all) {
        var members = jdbc.query("select u.username, m.role from team_member m join plate_user u on u.id = m.user_id "
                + "where m.team_id = ? order by u.username", (row, i) -> new Team.Member(row.getString(1),
                        Role.valueOf(row.getString(2))), id);
        var groups = jdbc.query("select group_name, role from team_group where team_id = ? order by group_name",
                (row, i) -> new Team.GroupRole(row.getString(1), Role.valueOf(row.getString(2))), id);
        return new Team(name, displayName, members, groups, owned(name, all));
    }

    private static List<String> owned(String team, List<ProjectSummary> all) {
        return all.stream().filter(project -> project.team().filter(team::equals).isPresent())
                .map(ProjectSummary::name).sorted().toList();
    }

    private Team require(String name) {
        return find(name).orElseThrow(() -> missing(name));
    }

    private Optional<Long> idOf(String name) {
        return jdbc.query("select id from team where name = ?", (row, i) -> row.getLong(1), name == null ? "" : name)
                .stream().findFirst();
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("name", "A team's name is 1-63 lowercase letters, digits and '-', starting "
                    + "and ending with a letter or digit (e.g. payments).");
        }
        return name;
    }

    private static Role teamRole(Role role, String field) {
        if (role == null || !TEAM_ROLES.contains(role)) {
            throw new ValidationException(field, "A role in a team is MAINTAINER, DEVELOPER or VIEWER (administrators "
                    + "are administrators everywhere).");
        }
        return role;
    }

    private static NotFoundException missing(String name) {
        return new NotFoundException("There is no team named '" + name + "'.");
    }
}
