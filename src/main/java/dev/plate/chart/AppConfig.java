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
        Map<String, String> annotations,
        NetworkPolicy networkPolicy,
        ExternalSecrets externalSecrets,
        Worker worker,
        Map<String, Addon> addons,
        Map<String, Integer> extraPorts) {

    public AppConfig {
        env = Maps.sortedCopy(env);
        secretEnv = secretEnv == null ? List.of() : List.copyOf(secretEnv);
        secretRefs = secretRefs == null ? List.of() : List.copyOf(secretRefs);
        labels = Maps.sortedCopy(labels);
        annotations = Maps.sortedCopy(annotations);
        ingress = ingress == null ? Ingress.DISABLED : ingress;
        autoscaling = autoscaling == null ? Autoscaling.DISABLED : autoscaling;
        networkPolicy = networkPolicy == null ? NetworkPolicy.DISABLED : networkPolicy;
        externalSecrets = externalSecrets == null ? ExternalSecrets.DISABLED : externalSecrets;
        worker = worker == null ? Worker.DISABLED : worker;
        addons = addons == null ? java.util.Collections.emptySortedMap()
                : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(addons));
        extraPorts = extraPorts == null ? java.util.Collections.emptySortedMap()
                : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(extraPorts));
    }

    public AppConfig(String imageTag, int replicas, Map<String, String> env, List<SecretKeyRef> secretEnv,
            List<String> secretRefs, Resources resources, Ingress ingress, Probes probes, Autoscaling autoscaling,
            Map<String, String> labels, Map<String, String> annotations, NetworkPolicy networkPolicy,
            ExternalSecrets externalSecrets, Worker worker) {
        this(imageTag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling, labels,
                annotations, networkPolicy, externalSecrets, worker, null, null);
    }

    /** Without the optional features (network policy, external secrets, worker): each off. */
    public AppConfig(String imageTag, int replicas, Map<String, String> env, List<SecretKeyRef> secretEnv,
            List<String> secretRefs, Resources resources, Ingress ingress, Probes probes, Autoscaling autoscaling,
            Map<String, String> labels, Map<String, String> annotations) {
        this(imageTag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling, labels,
                annotations, null, null, null, null, null);
    }

    /** The configuration of a freshly imported project: one replica, the project's health path, no extras. */
    public static AppConfig initial(String imageTag, String healthPath) {
        return new AppConfig(imageTag, 1, null, null, null, Resources.DEFAULT, Ingress.DISABLED,
                new Probes(healthPath, true, true), Autoscaling.DISABLED, null, null);
    }

    public AppConfig withIngress(Ingress newIngress) {
        return new AppConfig(imageTag, replicas, env, secretEnv, secretRefs, resources, newIngress, probes,
                autoscaling, labels, annotations, networkPolicy, externalSecrets, worker, addons, extraPorts);
    }

    /** The settings a person edits in the browser's configuration form; everything else stays. */
    public AppConfig withSettings(int newReplicas, Map<String, String> newEnv, List<SecretKeyRef> newSecretEnv,
            List<String> newSecretRefs, Resources newResources, Ingress newIngress, Probes newProbes,
            Autoscaling newAutoscaling) {
        return new AppConfig(imageTag, newReplicas, newEnv, newSecretEnv, newSecretRefs, newResources, newIngress,
                newProbes, newAutoscaling, labels, annotations, networkPolicy, externalSecrets, worker, addons,
                extraPorts);
    }

    public AppConfig withImageTag(String tag) {
        return new AppConfig(tag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling,
                labels, annotations, networkPolicy, externalSecrets, worker, addons, extraPorts);
    }

    public AppConfig withOptions(NetworkPolicy newNetworkPolicy, ExternalSecrets newExternalSecrets,
            Worker newWorker) {
        return new AppConfig(imageTag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling,
                labels, annotations, newNetworkPolicy, newExternalSecrets, newWorker, addons, extraPorts);
    }

    public AppConfig withAddons(Map<String, Addon> newAddons) {
        return new AppConfig(imageTag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling,
                labels, annotations, networkPolicy, externalSecrets, worker, newAddons, extraPorts);
    }

    /** More ports the container listens on, by name, each also exposed by the Service (metrics, gRPC…). */
    public AppConfig withExtraPorts(Map<String, Integer> newExtraPorts) {
        return new AppConfig(imageTag, replicas, env, secretEnv, secretRefs, resources, ingress, probes, autoscaling,
                labels, annotations, networkPolicy, externalSecrets, worker, addons, newExtraPorts);
    }

    /**
     * One environment's settings for a declared add-on chart ({@link ChartDependency}): on or off, and values for
     * it as dotted paths ({@code auth.database}) to literal strings.
     */
    public record Addon(boolean enabled, Map<String, String> values) {
        public Addon {
            values = Maps.sortedCopy(values);
        }
    }

    /**
     * Lets traffic reach the app's pods only from the ingress controller's namespace and from the listed projects'
     * pods (in any namespace); everything else is refused.
     */
    public record NetworkPolicy(boolean enabled, String ingressNamespace, List<String> allowFrom) {
        public static final NetworkPolicy DISABLED = new NetworkPolicy(false, "ingress-nginx", List.of());

        public NetworkPolicy {
            ingressNamespace = ingressNamespace == null ? "" : ingressNamespace;
            allowFrom = allowFrom == null ? List.of() : List.copyOf(allowFrom);
        }
    }

    /**
     * The Secrets the app references (secretEnv, secretRefs) come from an external secret store: one
     * {@code ExternalSecret} (external-secrets.io/v1) per Secret, from the {@code ClusterSecretStore} named here,
     * each reading the remote key {@code keyPrefix + <secret name>}.
     */
    public record ExternalSecrets(boolean enabled, String store, String keyPrefix) {
        public static final ExternalSecrets DISABLED = new ExternalSecrets(false, "", "");

        public ExternalSecrets {
            store = store == null ? "" : store;
            keyPrefix = keyPrefix == null ? "" : keyPrefix;
        }
    }

    /**
     * A second process of the same image (a queue consumer, a scheduler): its own Deployment, with the app's
     * settings and secrets, no Service and no HTTP probes.
     */
    public record Worker(boolean enabled, List<String> command, int replicas) {
        public static final Worker DISABLED = new Worker(false, List.of(), 1);

        public Worker {
            command = command == null ? List.of() : List.copyOf(command);
        }
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
