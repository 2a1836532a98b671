package dev.plate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", description = "Copy the image (and with --with-config the configuration) of one "
        + "environment to the next: one commit.")
final class PromoteCommand extends ApiCommand {

    @Parameters(paramLabel = "PROJECT")
    String project;

    @Option(names = "--from", required = true, paramLabel = "ENV")
    String from;

    @Option(names = "--to", paramLabel = "ENV", description = "default: the environment after --from")
    String to;

    @Option(names = "--with-config", description = "also copy replicas, env vars, resources and the rest")
    boolean withConfig;

    @Mixin
    DeploymentOptions deployment;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        deployment.timeout(); // a bad --timeout is refused before anything is committed
        var api = api();
        String target = to != null ? to : next(api.getList("/environments"));
        var body = new LinkedHashMap<String, Object>();
        body.put("project", project);
        body.put("from", from);
        body.put("to", target);
        body.put("includeConfig", withConfig);
        return deployment.report(this, api, api.post("/promote", body), output);
    }

    @Override
    FlagNames flagNames() {
        return new FlagNames().field("from", "--from").field("to", "--to").field("includeConfig", "--with-config");
    }

    private String next(List<Map<String, Object>> environments) {
        for (int i = 0; i < environments.size(); i++) {
            if (from.equals(environments.get(i).get("name"))) {
                if (i + 1 == environments.size()) {
                    throw new CliException(ExitCode.USAGE, from + " is the last environment; there is nothing to "
                            + "promote to.");
                }
                return text(environments.get(i + 1).get("name"));
            }
        }
        throw new CliException(ExitCode.NOT_FOUND, "There is no environment named '" + from + "'.");
    }
}
