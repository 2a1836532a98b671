package dev.plate.cli;

import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = "Restore an earlier deployment's configuration as a new commit "
        + "(history is never rewritten).")
final class RollbackCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENV", description = "the environment (or -e ENV)")
    String environmentArgument;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "the environment (or ENV after PROJECT)")
    String environmentOption;

    String environment;

    @Option(names = "--to", paramLabel = "ID", description = "the deployment to go back to (see plate history); "
            + "default: the last one that differs")
    Long to;

    @Mixin
    DeploymentOptions deployment;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        environment = EnvironmentArgument.of(environmentArgument, environmentOption, spec.qualifiedName());
        deployment.timeout(); // a bad --timeout is refused before anything is committed
        var body = new LinkedHashMap<String, Object>();
        body.put("project", project);
        body.put("environment", environment);
        if (to != null) {
            body.put("toDeployment", to);
        }
        var api = api();
        return deployment.report(this, api, api.post("/rollback", body), output);
    }

    @Override
    FlagNames flagNames() {
        return new FlagNames().field("toDeployment", "--to");
    }
}
