package dev.plate.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "team", description = "Change teams (ADMIN); plate teams lists them.", subcommands = {
    TeamCommand.CreateCommand.class, TeamCommand.DeleteCommand.class, TeamCommand.AddCommand.class,
    TeamCommand.RemoveCommand.class, TeamCommand.MapCommand.class, TeamCommand.UnmapCommand.class})
final class TeamCommand implements Runnable {

    static final List<String> TEAM_ROLES = List.of("VIEWER", "DEVELOPER", "MAINTAINER");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: plate team create|delete|add|remove|map|unmap");
    }

    /** A role in a team as the server takes it, refused here with the choices when it is none. */
    static String role(String given) {
        return UserCommand.role(given, TEAM_ROLES, "a role in a team");
    }

    static String path(String team) {
        return "/teams/" + Api.segment(team);
    }

    @Command(name = "create", description = "Make a team.")
    static final class CreateCommand extends ApiCommand {

        @Parameters(paramLabel = "TEAM", description = "its name: lowercase letters, digits and '-'")
        String name;

        @Option(names = "--display-name", paramLabel = "TEXT", description = "how pages show it")
        String displayName;

        @Override
        public Integer call() {
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("name", name);
            if (displayName != null) {
                body.put("displayName", displayName);
            }
            api().post("/teams", body);
            out().println("Team " + name + " created. Add people: plate team add " + name + " USER --role developer");
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a team that owns no project.")
    static final class DeleteCommand extends ApiCommand {

        @Parameters(paramLabel = "TEAM")
        String name;

        @Override
        public Integer call() {
            api().delete(path(name));
            out().println("Team " + name + " deleted.");
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add an account to a team, or change its role there.")
    static final class AddCommand extends ApiCommand {

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1", paramLabel = "USER")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, developer or maintainer")
        String role;

        @Override
        public Integer call() {
            api().put(path(team) + "/members/" + Api.segment(username), Map.of("role", role(role)));
            out().println(username + " is " + role.toLowerCase(java.util.Locale.ROOT) + " in team " + team + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Remove an account from a team.")
    static final class RemoveCommand extends ApiCommand {

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1", paramLabel = "USER")
        String username;

        @Override
        public Integer call() {
            api().delete(path(team) + "/members/" + Api.segment(username));
            out().println(username + " is no longer in team " + team + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "map", description = "Give everyone the sign-in provider puts in GROUP a role in a team.")
    static final class MapCommand extends ApiCommand {

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1", paramLabel = "GROUP", description = "exactly as the provider names it")
        String group;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, developer or maintainer")
        String role;

        @Override
        public Integer call() {
            api().post(path(team) + "/groups", Map.of("group", group, "role", role(role)));
            out().println("Group " + group + " is " + role.toLowerCase(java.util.Locale.ROOT) + " in team " + team
                    + " from its members' next request.");
            return ExitCode.OK;
        }
    }

    @Command(name = "unmap", description = "Remove a group's role in a team.")
    static final class UnmapCommand extends ApiCommand {

        @Parameters(index = "0", paramLabel = "TEAM")
        String team;

        @Parameters(index = "1", paramLabel = "GROUP")
        String group;

        @Override
        public Integer call() {
            api().delete(path(team) + "/groups?group=" + Api.segment(group));
            out().println("Group " + group + " has no role in team " + team + " any more.");
            return ExitCode.OK;
        }
    }
}
