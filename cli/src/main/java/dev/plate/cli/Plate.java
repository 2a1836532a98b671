package dev.plate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plate}: the companion CLI of the Plate server. Each command is one or a few calls to {@code /api/v1}. */
@Command(name = "plate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Plate's companion CLI: import projects, deploy, promote, roll back and follow them, and see "
                + "what runs: resources, events, logs.",
        footer = {"", "PLATE_URL and PLATE_TOKEN override the login kept in ~/.config/plate/.",
            "Exit codes: 0 ok, 1 error, 2 usage or invalid input, 3 not logged in",
            "or not allowed, 4 not found, 5 deployment failed or timed out,",
            "6 server unreachable, 7 already exists."})
public final class Plate implements Runnable {

    private final Terminal terminal;

    public Plate(Terminal terminal) {
        this.terminal = terminal;
    }

    public Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(terminal.out());
    }

    public static void main(String[] args) {
        System.exit(run(Terminal.system(), args));
    }

    /** Every subcommand, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("login", LoginCommand::new);
        COMMANDS.put("logout", LogoutCommand::new);
        COMMANDS.put("whoami", WhoamiCommand::new);
        COMMANDS.put("import", ImportCommand::new);
        COMMANDS.put("deploy", DeployCommand::new);
        COMMANDS.put("status", StatusCommand::new);
        COMMANDS.put("promote", PromoteCommand::new);
        COMMANDS.put("rollback", RollbackCommand::new);
        COMMANDS.put("history", HistoryCommand::new);
        COMMANDS.put("requests", RequestsCommand::new);
        COMMANDS.put("approve", DecideCommand.Approve::new);
        COMMANDS.put("reject", DecideCommand.Reject::new);
        COMMANDS.put("resources", ResourcesCommand::new);
        COMMANDS.put("events", EventsCommand::new);
        COMMANDS.put("logs", LogsCommand::new);
        COMMANDS.put("projects", ProjectsCommand::new);
        COMMANDS.put("env", EnvCommand::new);
        COMMANDS.put("teams", TeamsCommand::new);
        COMMANDS.put("team", TeamCommand::new);
        COMMANDS.put("token", TokenCommand::new);
        COMMANDS.put("user", UserCommand::new);
        COMMANDS.put("completion", CompletionCommand::new);
        COMMANDS.put("help", HelpCommand::new);
        COMMANDS.put("__train", TrainCommand::new);
    }

    /**
     * Runs one command line; never throws, never prints a stack trace. Picocli reads every command's annotations
     * when it is registered, which is most of a short command's time, so only the command being run is
     * registered; help, completion and anything unknown get them all.
     */
    public static int run(Terminal terminal, String... args) {
        var commandLine = new CommandLine(new Plate(terminal));
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion")) {
            commandLine.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        withHelp(commandLine);
        commandLine.setOut(new java.io.PrintWriter(terminal.out(), true));
        commandLine.setErr(new java.io.PrintWriter(terminal.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((error, args2) -> {
            var command = error.getCommandLine().getCommandSpec().qualifiedName();
            terminal.error(withoutFullStop(error.getMessage()) + " (see '" + command + " --help')");
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((error, command, parsed) -> {
            if (error instanceof CliException failure) {
                terminal.error(failure.getMessage());
                failure.details().forEach(terminal.err()::println);
                return failure.exitCode();
            }
            terminal.error("unexpected " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()));
            return ExitCode.ERROR;
        });
        return commandLine.execute(args);
    }

    /** {@code -h}/{@code --help} (and {@code -V}/{@code --version}) on every command, as on {@code plate} itself. */
    private static void withHelp(CommandLine command) {
        command.getSubcommands().values().forEach(sub -> {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && !(sub.getCommand() instanceof HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelp(sub);
        });
    }

    private static String withoutFullStop(String message) {
        String line = message == null ? "" : message.strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
