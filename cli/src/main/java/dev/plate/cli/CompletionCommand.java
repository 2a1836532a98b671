package dev.plate.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", description = {"Print a shell completion script for bash (and zsh with bashcompinit).",
    "  source <(plate completion)"})
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("plate", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
