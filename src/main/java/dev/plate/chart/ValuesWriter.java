package dev.plate.chart;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes an environment's {@code values.yaml} from data with a YAML library. Strings are always quoted, so a
 * value holding {@code {{ }}}, {@code : }, {@code #} or newlines reaches the cluster as the same literal text.
 */
@Component
public class ValuesWriter {

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).disable(YAMLWriteFeature.MINIMIZE_QUOTES).build();

    public byte[] write(ProjectChart project, AppConfig config) {
        AppConfigRules.validate(project);
        AppConfigRules.validate(config);
        return yaml.writeValueAsBytes(values(project, config));
    }

    static Map<String, Object> values(ProjectChart project, AppConfig config) {
        var values = new LinkedHashMap<String, Object>();
        values.put("image", ordered("repository", project.imageRepository(), "tag", config.imageTag()));
        values.put("replicaCount", config.replicas());
        values.put("containerPort", project.containerPort());
        values.put("env", config.env());
        values.put("secretEnv", config.secretEnv().stream()
                .map(ref -> ordered("name", ref.name(), "secretName", ref.secretName(), "key", ref.key())).toList());
        values.put("secretRefs", config.secretRefs());
        values.put("resources", resources(config.resources()));
        values.put("probes", ordered("path", config.probes().path(),
                "readiness", ordered("enabled", config.probes().readiness()),
                "liveness", ordered("enabled", config.probes().liveness())));
        var ingress = config.ingress();
        values.put("ingress", ordered("enabled", ingress.enabled(), "host", ingress.host(),
                "tlsSecretName", ingress.tlsSecretName(), "className", ingress.className()));
        var scaling = config.autoscaling();
        values.put("autoscaling", ordered("enabled", scaling.enabled(), "minReplicas", scaling.minReplicas(),
                "maxReplicas", scaling.maxReplicas(), "targetCPUUtilizationPercentage", scaling.targetCpuPercent()));
        values.put("podDisruptionBudget", ordered("enabled", config.replicas() > 1 || scaling.enabled()));
        values.put("extraLabels", config.labels());
        values.put("extraAnnotations", config.annotations());
        return values;
    }

    /** Map.of iterates in a per-JVM random order; values files must come out byte-identical every time. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> resources(AppConfig.Resources resources) {
        var requests = ordered("cpu", resources.cpuRequest(), "memory", resources.memoryRequest());
        var limits = new LinkedHashMap<String, String>();
        if (!resources.cpuLimit().isEmpty()) {
            limits.put("cpu", resources.cpuLimit());
        }
        if (!resources.memoryLimit().isEmpty()) {
            limits.put("memory", resources.memoryLimit());
        }
        return limits.isEmpty() ? ordered("requests", requests) : ordered("requests", requests, "limits", limits);
    }
}
