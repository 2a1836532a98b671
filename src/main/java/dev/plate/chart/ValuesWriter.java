package dev.plate.chart;

import static dev.plate.base.OrderedYaml.map;

import dev.plate.base.OrderedYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes an environment's {@code values.yaml} from data with a YAML library. Strings are always quoted, so a
 * value holding {@code {{ }}}, {@code : }, {@code #} or newlines reaches the cluster as the same literal text.
 */
@Component
public class ValuesWriter {

    public byte[] write(ProjectChart project, AppConfig config) {
        AppConfigRules.validate(project, config);
        return OrderedYaml.write(values(project, config));
    }

    static Map<String, Object> values(ProjectChart project, AppConfig config) {
        var values = new LinkedHashMap<String, Object>();
        values.put("image", map("repository", project.imageRepository(), "tag", config.imageTag()));
        values.put("replicaCount", config.replicas());
        values.put("containerPort", project.containerPort());
        values.put("env", config.env());
        values.put("secretEnv", config.secretEnv().stream()
                .map(ref -> map("name", ref.name(), "secretName", ref.secretName(), "key", ref.key())).toList());
        values.put("secretRefs", config.secretRefs());
        values.put("resources", resources(config.resources()));
        values.put("probes", map("path", config.probes().path(),
                "readiness", map("enabled", config.probes().readiness()),
                "liveness", map("enabled", config.probes().liveness())));
        var ingress = config.ingress();
        values.put("ingress", map("enabled", ingress.enabled(), "host", ingress.host(),
                "tlsSecretName", ingress.tlsSecretName(), "className", ingress.className()));
        var scaling = config.autoscaling();
        values.put("autoscaling", map("enabled", scaling.enabled(), "minReplicas", scaling.minReplicas(),
                "maxReplicas", scaling.maxReplicas(), "targetCPUUtilizationPercentage", scaling.targetCpuPercent()));
        // With a single pod, a PodDisruptionBudget of one would block every node drain.
        int floor = scaling.enabled() ? scaling.minReplicas() : config.replicas();
        values.put("podDisruptionBudget", map("enabled", floor > 1));
        values.put("extraLabels", config.labels());
        values.put("extraAnnotations", config.annotations());
        var policy = config.networkPolicy();
        values.put("networkPolicy", map("enabled", policy.enabled(), "ingressNamespace", policy.ingressNamespace(),
                "allowFrom", policy.allowFrom()));
        var external = config.externalSecrets();
        var secretNames = new java.util.TreeSet<String>(config.secretRefs());
        config.secretEnv().forEach(ref -> secretNames.add(ref.secretName()));
        values.put("externalSecrets", map("enabled", external.enabled(), "store", external.store(),
                "keyPrefix", external.keyPrefix(), "secrets", List.copyOf(secretNames)));
        var worker = config.worker();
        values.put("worker", map("enabled", worker.enabled(), "command", worker.command(),
                "replicas", worker.replicas()));
        values.put("extraPorts", config.extraPorts().entrySet().stream()
                .map(port -> map("name", port.getKey(), "port", port.getValue())).toList());
        // Every declared add-on gets its switch, off unless this environment turns it on: Helm would enable a
        // dependency whose condition is missing.
        for (var dependency : project.dependencies()) {
            var addon = config.addons().getOrDefault(dependency.name(), new AppConfig.Addon(false, null));
            var section = new LinkedHashMap<String, Object>();
            section.put("enabled", addon.enabled());
            addon.values().forEach((path, value) -> put(section, path.split("\\."), value));
            values.put(dependency.name(), section);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> section, String[] path, String value) {
        var level = section;
        for (int i = 0; i < path.length - 1; i++) {
            level = (Map<String, Object>) level.computeIfAbsent(path[i], key -> new LinkedHashMap<String, Object>());
        }
        level.put(path[path.length - 1], value);
    }

    private static Map<String, Object> resources(AppConfig.Resources resources) {
        var requests = map("cpu", resources.cpuRequest(), "memory", resources.memoryRequest());
        // Helm merges these values over the chart's defaults, which limit memory: "no memory limit" must be an
        // explicit null, the only thing that removes a default key. (A null for a key the defaults lack would
        // reach the manifest, so the cpu limit is simply left out.)
        var limits = new LinkedHashMap<String, String>();
        if (!resources.cpuLimit().isEmpty()) {
            limits.put("cpu", resources.cpuLimit());
        }
        limits.put("memory", resources.memoryLimit().isEmpty() ? null : resources.memoryLimit());
        return map("requests", requests, "limits", limits);
    }
}
