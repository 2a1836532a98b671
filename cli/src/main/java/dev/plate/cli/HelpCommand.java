package dev.plate.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plate help [COMMAND…]}: the usage of any command, nested ones too ({@code plate help env list}). */
@Command(name = "help", helpCommand = true, description = "Show the usage of plate or of one of its commands.")
final class HelpCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "the command, e.g. deploy or env list")
    List<String> path = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine command = spec.parent().commandLine();
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                throw new CliException(ExitCode.USAGE, "'" + String.join(" ", path) + "' is not a command: see "
                        + "'plate --help' for the commands.");
            }
            command = next;
        }
        command.usage(((Plate) spec.root().userObject()).terminal().out());
        return ExitCode.OK;
    }
}
