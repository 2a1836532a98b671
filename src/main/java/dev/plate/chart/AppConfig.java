package dev.plate.chart;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything Plate sets for one project in one environment: the chart's values, as data. It is written to
 * {@code applications/<app>/<env>/values.yaml} by a YAML library, never by concatenating strings, and checked
 * by {@link AppConfigRules} before anything is written.
 */
public record AppConfig(
        String imageTag,
        int replicas,
        Map<String, String> env,
        List<SecretKeyRef> secretEnv,
        List<String> secretRefs,
        Resources resources,
        Ingress ingress,
        Probes probes,
        Autoscaling autoscaling,
        Map<String, String> labels,
        Map<String, String> annotations) {

    public AppConfig {
        env = Maps.sortedCopy(env);
        secretEnv = secretEnv == null ? List.of() : List.copyOf(secretEnv);
        secretRefs = secretRefs == null ? List.of() : List.copyOf(secretRefs);
        labels = Maps.sortedCopy(labels);
        annotations = Maps.sortedCopy(annotations);
        ingress = ingress == null ? Ingress.DISABLED : ingress;
        autoscaling = autoscaling == null ? Autoscaling.DISABLED : autoscaling;
    }

    /** The configuration of a freshly imported project: one replica, the project's health path, no extras. */
    public static AppConfig initial(String imageTag, String healthPath) {
        return new AppConfig(imageTag, 1, null, null, null, Resources.DEFAULT, Ingress.DISABLED,
                new Probes(healthPath, true, true), Autoscaling.DISABLED, null, null);
    }

    public AppConfig withIngress(Ingress newIngress) {
        return new AppConfig(imageTag, replicas, env, secretEnv, secretRefs, resources, newIngress, probes,
                autoscaling, labels, annotations);
    }

    public AppConfig withImageTag(String tag) {
        return new AppConfig(tag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling,
                labels, annotations);
    }

    /** A key of an existing Kubernetes Secret, passed to the container as one environment variable. */
    public record SecretKeyRef(String name, String secretName, String key) {}

    /** Requests and limits as Kubernetes quantities; an empty limit means none. */
    public record Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
        public static final Resources DEFAULT = new Resources("100m", "128Mi", "", "256Mi");

        public Resources {
            cpuLimit = cpuLimit == null ? "" : cpuLimit;
            memoryLimit = memoryLimit == null ? "" : memoryLimit;
        }
    }

    public record Ingress(boolean enabled, String host, String tlsSecretName, String className) {
        public static final Ingress DISABLED = new Ingress(false, "", "", "");

        public Ingress {
            host = host == null ? "" : host;
            tlsSecretName = tlsSecretName == null ? "" : tlsSecretName;
            className = className == null ? "" : className;
        }
    }

    public record Probes(String path, boolean readiness, boolean liveness) {}

    public record Autoscaling(boolean enabled, int minReplicas, int maxReplicas, int targetCpuPercent) {
        public static final Autoscaling DISABLED = new Autoscaling(false, 1, 3, 80);
    }

    static final class Maps {
        private Maps() {}

        static SortedMap<String, String> sortedCopy(Map<String, String> source) {
            var copy = new java.util.TreeMap<String, String>();
            if (source != null) {
                copy.putAll(source);
            }
            return java.util.Collections.unmodifiableSortedMap(copy);
        }
    }
}
