package dev.plate.chart;

import dev.plate.base.OrderedYaml;
import dev.plate.base.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The inverse of {@link ValuesWriter}: an environment's {@code values.yaml} back into the {@link AppConfig} that
 * wrote it, for rebuilding Plate's database from the config repository. Derived values (the PodDisruptionBudget
 * switch, the ExternalSecrets' secret list) are not read back: the writer recomputes them. The result is checked
 * by {@link AppConfigRules} like any other configuration.
 */
public final class ValuesReader {

    private ValuesReader() {}

    /** The image repository and port a values file names, for a project that has no project.yaml. */
    public static ProjectChart project(String name, byte[] values, List<ChartDependency> dependencies) {
        JsonNode root = parse(name, values);
        return new ProjectChart(name, root.at("/image/repository").asString(""), root.path("containerPort").asInt(0),
                dependencies);
    }

    public static AppConfig read(ProjectChart project, byte[] values) {
        JsonNode root = parse(project.name(), values);
        var secretEnv = new ArrayList<AppConfig.SecretKeyRef>();
        root.path("secretEnv").forEach(ref -> secretEnv.add(new AppConfig.SecretKeyRef(ref.path("name").asString(""),
                ref.path("secretName").asString(""), ref.path("key").asString(""))));
        JsonNode resources = root.path("resources");
        JsonNode ingress = root.path("ingress");
        JsonNode probes = root.path("probes");
        JsonNode scaling = root.path("autoscaling");
        JsonNode policy = root.path("networkPolicy");
        JsonNode external = root.path("externalSecrets");
        JsonNode worker = root.path("worker");
        var ports = new TreeMap<String, Integer>();
        root.path("extraPorts").forEach(port -> ports.put(port.path("name").asString(""), port.path("port").asInt()));
        var addons = new TreeMap<String, AppConfig.Addon>();
        for (var dependency : project.dependencies()) {
            JsonNode section = root.path(dependency.name());
            var flat = new TreeMap<String, String>();
            section.properties().forEach(entry -> {
                if (!entry.getKey().equals("enabled")) {
                    flatten(entry.getKey(), entry.getValue(), flat);
                }
            });
            boolean enabled = section.path("enabled").asBoolean(false);
            if (enabled || !flat.isEmpty()) {
                addons.put(dependency.name(), new AppConfig.Addon(enabled, flat));
            }
        }
        var config = new AppConfig(root.at("/image/tag").asString(""), root.path("replicaCount").asInt(1),
                strings(root.path("env")), secretEnv, strings(root.path("secretRefs").values()),
                new AppConfig.Resources(resources.at("/requests/cpu").asString(""),
                        resources.at("/requests/memory").asString(""), resources.at("/limits/cpu").asString(""),
                        resources.at("/limits/memory").asString("")),
                new AppConfig.Ingress(ingress.path("enabled").asBoolean(false), ingress.path("host").asString(""),
                        ingress.path("tlsSecretName").asString(""), ingress.path("className").asString("")),
                new AppConfig.Probes(probes.path("path").asString("/"), probes.at("/readiness/enabled").asBoolean(true),
                        probes.at("/liveness/enabled").asBoolean(true)),
                new AppConfig.Autoscaling(scaling.path("enabled").asBoolean(false), scaling.path("minReplicas").asInt(1),
                        scaling.path("maxReplicas").asInt(3), scaling.path("targetCPUUtilizationPercentage").asInt(80)),
                strings(root.path("extraLabels")), strings(root.path("extraAnnotations")),
                new AppConfig.NetworkPolicy(policy.path("enabled").asBoolean(false),
                        policy.path("ingressNamespace").asString(AppConfig.NetworkPolicy.DISABLED.ingressNamespace()),
                        strings(policy.path("allowFrom").values())),
                new AppConfig.ExternalSecrets(external.path("enabled").asBoolean(false),
                        external.path("store").asString(""), external.path("keyPrefix").asString("")),
                new AppConfig.Worker(worker.path("enabled").asBoolean(false), strings(worker.path("command").values()),
                        worker.path("replicas").asInt(1)),
                addons, ports);
        return AppConfigRules.validate(project, config);
    }

    private static JsonNode parse(String name, byte[] values) {
        try {
            JsonNode root = OrderedYaml.MAPPER.readTree(values);
            if (root == null || !root.isObject()) {
                throw new ValidationException("values", "The values file of " + name + " is not a YAML mapping.");
            }
            return root;
        } catch (JacksonException e) {
            throw new ValidationException("values", "The values file of " + name + " is not valid YAML: "
                    + e.getOriginalMessage());
        }
    }

    private static Map<String, String> strings(JsonNode map) {
        var result = new LinkedHashMap<String, String>();
        map.properties().forEach(entry -> result.put(entry.getKey(), entry.getValue().asString("")));
        return result;
    }

    private static List<String> strings(java.util.Collection<JsonNode> nodes) {
        return nodes.stream().map(node -> node.asString("")).toList();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties().forEach(entry -> flatten(prefix + "." + entry.getKey(), entry.getValue(), into));
        } else {
            into.put(prefix, node.asString(""));
        }
    }
}
