package dev.plate.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", description = "User accounts (ADMIN).", subcommands = {UserCommand.ListCommand.class,
    UserCommand.CreateCommand.class, UserCommand.RoleCommand.class, UserCommand.DisableCommand.class,
    UserCommand.EnableCommand.class, UserCommand.UnlockCommand.class, UserCommand.ResetPasswordCommand.class})
final class UserCommand implements Runnable {

    static final List<String> ROLES = List.of("VIEWER", "DEVELOPER", "MAINTAINER", "ADMIN");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: plate user list|create|role|disable|enable|unlock|reset-password");
    }

    /** A role as the server takes it, refused here with the choices when it is none. */
    static String role(String given) {
        return role(given, ROLES, "a role");
    }

    /** @param what "a role", "a role in a team": what the refusal says the word is not */
    static String role(String given, List<String> allowed, String what) {
        String role = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(role)) {
            throw new CliException(ExitCode.USAGE, "'" + given + "' is not " + what + ": give one of "
                    + String.join(", ", allowed).toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return role;
    }

    static String path(String username) {
        return "/users/" + Api.segment(username);
    }

    @Command(name = "list", description = "Every account, with its role and state.")
    static final class ListCommand extends ApiCommand {

        @Mixin
        Output output;

        @Override
        public Integer call() {
            var users = api().getList("/users");
            if (!output.table()) {
                output.data(out(), users);
                return ExitCode.OK;
            }
            var table = new Output.Table("USERNAME", "NAME", "ROLE", "ENABLED", "LOCKED UNTIL", "LAST SIGN-IN");
            for (var user : users) {
                table.row(user.get("username"), user.get("displayName"), user.get("role"),
                        Boolean.TRUE.equals(user.get("enabled")) ? "yes" : "no", user.get("lockedUntil"),
                        user.get("lastLoginAt"));
            }
            table.print(out());
            return ExitCode.OK;
        }
    }

    @Command(name = "create", description = "Create an account; its generated password is printed once.")
    static final class CreateCommand extends ApiCommand {

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer, developer, maintainer or admin")
        String role;

        @Option(names = "--display-name", paramLabel = "NAME", description = "default: the username")
        String displayName;

        @Override
        public Integer call() {
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("username", username);
            body.put("displayName", displayName);
            body.put("role", role(role));
            var created = api().post("/users", body);
            out().println(created.get("password"));
            terminal().err().println("Created " + username + " (" + role(role).toLowerCase(java.util.Locale.ROOT)
                    + "). The password is shown only now: hand it over, they change it in their profile.");
            return ExitCode.OK;
        }

        /** The username is an argument, named as the server names it. */
        @Override
        FlagNames flagNames() {
            return new FlagNames().field("displayName", "--display-name").field("role", "--role");
        }
    }

    @Command(name = "role", description = "Change an account's role (their sessions end).")
    static final class RoleCommand extends ApiCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, developer, maintainer or admin")
        String role;

        @Override
        public Integer call() {
            var user = api().put(path(username) + "/role", Map.of("role", role(role)));
            out().println(username + " is now " + String.valueOf(user.get("role")).toLowerCase(java.util.Locale.ROOT)
                    + ".");
            return ExitCode.OK;
        }
    }

    /** Disabling and enabling: one switch, set one way or the other. */
    abstract static class EnabledCommand extends ApiCommand {

        @Parameters(paramLabel = "USERNAME")
        String username;

        abstract boolean enabled();

        @Override
        public Integer call() {
            api().put(path(username) + "/enabled", Map.of("enabled", enabled()));
            out().println((enabled() ? "Enabled " : "Disabled ") + username + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Disable an account: its sessions, login and access tokens end for good "
            + "(enabling it again does not bring them back).")
    static final class DisableCommand extends EnabledCommand {

        @Override
        boolean enabled() {
            return false;
        }
    }

    @Command(name = "enable", description = "Enable a disabled account again.")
    static final class EnableCommand extends EnabledCommand {

        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "unlock", description = "Lift a lock after too many failed sign-ins.")
    static final class UnlockCommand extends ApiCommand {

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            api().post(path(username) + "/unlock", null);
            out().println("Unlocked " + username + ".");
            return ExitCode.OK;
        }
    }

    @Command(name = "reset-password", description = "Set a new generated password, printed once.")
    static final class ResetPasswordCommand extends ApiCommand {

        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            var reset = api().post(path(username) + "/password", null);
            out().println(reset.get("password"));
            terminal().err().println("The new password of " + username + " is shown only now; their sessions ended.");
            return ExitCode.OK;
        }
    }
}
