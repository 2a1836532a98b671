package dev.plate.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "teams", description = "List the teams: who is in each (accounts and provider groups, with their "
        + "role) and the projects it owns.")
final class TeamsCommand extends ApiCommand {

    @Mixin
    Output output;

    @Override
    public Integer call() {
        var teams = api().getList("/teams");
        if (!output.table()) {
            output.data(out(), teams);
            return ExitCode.OK;
        }
        if (teams.isEmpty()) {
            out().println("No teams yet: every project follows Plate-wide roles. An administrator makes teams in "
                    + "Admin → Teams.");
            return ExitCode.OK;
        }
        var table = new Output.Table("TEAM", "MEMBERS", "GROUPS", "PROJECTS");
        for (var team : teams) {
            table.row(team.get("name"), roles(team.get("members"), "username"), roles(team.get("groups"), "group"),
                    String.join(",", ((List<?>) team.get("projects")).stream().map(Object::toString).toList()));
        }
        table.print(out());
        return ExitCode.OK;
    }

    /** "ada:MAINTAINER,bob:DEVELOPER" */
    private static String roles(Object entries, String key) {
        return String.join(",", ((List<?>) entries).stream().map(entry -> (Map<?, ?>) entry)
                .map(entry -> entry.get(key) + ":" + entry.get("role")).toList());
    }
}
