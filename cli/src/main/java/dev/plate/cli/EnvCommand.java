package dev.plate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "env", description = "Environments.", subcommands = EnvCommand.ListCommand.class)
final class EnvCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say what to do: plate env list");
    }

    @Command(name = "list", description = "List the environments in promotion order.")
    static final class ListCommand extends ApiCommand {

        @Mixin
        Output output;

        @Override
        public Integer call() {
            var environments = api().getList("/environments");
            if (!output.table()) {
                output.data(out(), environments);
                return ExitCode.OK;
            }
            var table = new Output.Table("NAME", "ORDER", "CLUSTER", "NAMESPACE", "AUTO-SYNC", "PROTECTED");
            for (var env : environments) {
                table.row(env.get("name"), env.get("position"), env.get("cluster"), env.get("namespacePattern"),
                        yes(env.get("autoSync")), yes(env.get("protectedEnvironment")));
            }
            table.print(out());
            return ExitCode.OK;
        }

        private static String yes(Object flag) {
            return Boolean.TRUE.equals(flag) ? "yes" : "no";
        }
    }
}
