package dev.plate.api.internal;

import dev.plate.base.NotFoundException;
import dev.plate.teams.Team;
import dev.plate.teams.TeamService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import dev.plate.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Teams, their members and group mappings, and the projects they own: read by everyone signed in, changed by an
 * administrator (as in Admin → Teams; {@link TeamService} enforces it).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Teams", description = "Who owns which project, and who is in which team")
class TeamsApi {

    private final TeamService teams;

    TeamsApi(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping("/teams")
    @Operation(summary = "Every team, with its members, group mappings and projects")
    List<Team> teams() {
        return teams.list();
    }

    @GetMapping("/teams/{name}")
    @Operation(summary = "One team")
    Team team(@PathVariable String name) {
        return teams.find(name).orElseThrow(() -> new NotFoundException("There is no team named '" + name + "'."));
    }

    record NewTeam(String name, String displayName) {}

    /** @param role VIEWER, DEVELOPER or MAINTAINER */
    record Membership(Role role) {}

    /** @param group the name exactly as the provider sends it in the groups claim */
    record GroupMapping(String group, Role role) {}

    @PostMapping(path = "/teams", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a team (ADMIN)")
    Team create(@RequestBody NewTeam request) {
        return teams.create(request.name(), request.displayName());
    }

    @DeleteMapping("/teams/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a team that owns no project (ADMIN)")
    void delete(@PathVariable String name) {
        teams.delete(name);
    }

    @PutMapping(path = "/teams/{name}/members/{username}", consumes = "application/json")
    @Operation(summary = "Add an account to the team, or change its role there (ADMIN)")
    Team setMember(@PathVariable String name, @PathVariable String username, @RequestBody Membership request) {
        return teams.setMember(name, username, request.role());
    }

    @DeleteMapping("/teams/{name}/members/{username}")
    @Operation(summary = "Remove an account from the team (ADMIN)")
    Team removeMember(@PathVariable String name, @PathVariable String username) {
        return teams.removeMember(name, username);
    }

    @PostMapping(path = "/teams/{name}/groups", consumes = "application/json")
    @Operation(summary = "Give everyone the provider puts in a group a role in the team, or change it (ADMIN)")
    Team setGroup(@PathVariable String name, @RequestBody GroupMapping request) {
        return teams.setGroup(name, request.group(), request.role());
    }

    @DeleteMapping("/teams/{name}/groups")
    @Operation(summary = "Remove a group's role in the team (ADMIN)")
    Team removeGroup(@PathVariable String name, @RequestParam String group) {
        return teams.removeGroup(name, group);
    }
}
