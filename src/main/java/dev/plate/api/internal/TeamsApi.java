package dev.plate.api.internal;

import dev.plate.base.NotFoundException;
import dev.plate.teams.Team;
import dev.plate.teams.TeamService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Teams, their members and group mappings, and the projects they own (changed in Admin → Teams). */
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
}
