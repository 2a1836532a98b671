package dev.plate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", description = {"Deploy an image tag and/or value changes to one environment: one commit.",
    "",
    "Keys for --set/--unset (KEY=VALUE, the value taken literally):",
    "  replicas, env.NAME, secretEnv.NAME (<secret>:<key>), secretRefs,",
    "  resources.requests.cpu, resources.requests.memory,",
    "  resources.limits.cpu, resources.limits.memory,",
    "  ingress.enabled, ingress.host, ingress.tlsSecret, ingress.className,",
    "  probes.path, probes.readiness, probes.liveness,",
    "  autoscaling.enabled, autoscaling.minReplicas, autoscaling.maxReplicas,",
    "  autoscaling.targetCPUPercent, labels.KEY, annotations.KEY,",
    "  networkPolicy.enabled, networkPolicy.ingressNamespace,",
    "  networkPolicy.allowFrom, externalSecrets.enabled, externalSecrets.store,",
    "  externalSecrets.keyPrefix, worker.enabled, worker.command, worker.replicas,",
    "  addons.NAME.enabled, addons.NAME.values.PATH, ports.NAME"})
final class DeployCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "PROJECT")
    String project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ENV", description = "the environment (or -e ENV)")
    String environmentArgument;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "the environment (or ENV after PROJECT)")
    String environmentOption;

    String environment;

    @Option(names = {"-i", "--image"}, paramLabel = "TAG", description = "the image tag to run, e.g. 1.4.2")
    String image;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "change one value (repeatable); the value is "
            + "taken literally")
    List<String> set = new ArrayList<>();

    @Option(names = "--unset", paramLabel = "KEY", description = "remove a value or return it to the default "
            + "(repeatable)")
    List<String> unset = new ArrayList<>();

    @Option(names = "--retry", description = "send the last deployment of ENV to Argo CD again, when it failed or "
            + "timed out (no new commit)")
    boolean retry;

    @Mixin
    DeploymentOptions deployment;

    @Mixin
    Output output;

    @Override
    public Integer call() {
        environment = EnvironmentArgument.of(environmentArgument, environmentOption, spec.qualifiedName());
        deployment.timeout(); // a bad --timeout is refused before anything is committed
        if (retry) {
            if (image != null || !set.isEmpty() || !unset.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "--retry sends the last deployment again as it was: give it "
                        + "without --image, --set or --unset.");
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("project", project);
            body.put("environment", environment);
            var api = api();
            return deployment.report(this, api, api.post("/retry", body), output);
        }
        var changes = new LinkedHashMap<String, Object>();
        for (String pair : set) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CliException(ExitCode.USAGE, "--set takes KEY=VALUE (e.g. --set replicas=3), not '" + pair
                        + "'.");
            }
            String key = pair.substring(0, eq).strip();
            if (changes.put(key, pair.substring(eq + 1)) != null) {
                throw new CliException(ExitCode.USAGE, "--set " + key + " is given twice; give it once.");
            }
        }
        if (image == null && changes.isEmpty() && unset.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "Say what to deploy: --image TAG and/or --set KEY=VALUE (or "
                    + "--retry to send the last deployment again).");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("project", project);
        body.put("environment", environment);
        if (image != null) {
            body.put("imageTag", image);
        }
        if (!changes.isEmpty()) {
            body.put("set", changes);
        }
        if (!unset.isEmpty()) {
            body.put("unset", unset);
        }
        var api = api();
        return deployment.report(this, api, api.post("/deploy", body), output);
    }

    /**
     * A value key is named by the server as {@code set.KEY} while it reads the change, and by its place in the
     * configuration once it checks the result ({@code ingress.host}), which for most keys is the key itself.
     */
    @Override
    FlagNames flagNames() {
        var names = new FlagNames().field("imageTag", "--image").keyed("set", "--set").keyed("unset", "--unset");
        for (String pair : set) {
            String key = pair.substring(0, Math.max(0, pair.indexOf('='))).strip();
            names.field(key, "--set " + key);
        }
        return names;
    }
}
