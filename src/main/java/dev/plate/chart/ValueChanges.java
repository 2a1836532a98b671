package dev.plate.chart;

import dev.plate.base.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies {@code --set KEY=VALUE} / {@code --unset KEY} changes (the CLI's and the API's way to change a value
 * without sending the whole configuration) to an environment's current {@link AppConfig}. Keys name fields of
 * the configuration, not raw chart values, so a change can only produce a configuration that
 * {@link AppConfigRules} then checks as a whole; a value is always taken as a literal string.
 */
public final class ValueChanges {

    /** The keys, for messages and the CLI's help. A trailing dot takes a name: {@code env.LOG_LEVEL}. */
    public static final List<String> KEYS = List.of("replicas", "env.<NAME>", "secretEnv.<NAME> (<secret>:<key>)",
            "secretRefs (comma-separated Secret names)", "resources.requests.cpu", "resources.requests.memory",
            "resources.limits.cpu", "resources.limits.memory", "ingress.enabled", "ingress.host", "ingress.tlsSecret",
            "ingress.className", "probes.path", "probes.readiness", "probes.liveness", "autoscaling.enabled",
            "autoscaling.minReplicas", "autoscaling.maxReplicas", "autoscaling.targetCPUPercent", "labels.<key>",
            "annotations.<key>", "networkPolicy.enabled", "networkPolicy.ingressNamespace",
            "networkPolicy.allowFrom (comma-separated projects)", "externalSecrets.enabled", "externalSecrets.store",
            "externalSecrets.keyPrefix", "worker.enabled", "worker.command (split at spaces)", "worker.replicas",
            "addons.<name>.enabled", "addons.<name>.values.<path>", "ports.<name> (an extra container port)");

    private static final int MAX_CHANGES = 200;

    private ValueChanges() {}

    /**
     * @param set keys and their new values, applied in order
     * @param unset keys to remove (maps) or to return to the chart's default (everything else)
     */
    public static AppConfig apply(AppConfig current, Map<String, String> set, Collection<String> unset) {
        if (set.size() + unset.size() > MAX_CHANGES) {
            throw new ValidationException("set", "At most " + MAX_CHANGES + " changes fit in one deployment.");
        }
        var draft = new Draft(current);
        set.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new ValidationException("set", "Each change needs a key and a value: KEY=VALUE.");
            }
            draft.set(key, value);
        });
        for (String key : unset) {
            // Checked first: containsKey(null) throws on an immutable map such as Map.of().
            if (key == null || key.isBlank()) {
                throw new ValidationException("unset", "Name the value to unset, e.g. env.LOG_LEVEL.");
            }
            if (set.containsKey(key)) {
                throw new ValidationException("unset." + key, "'" + key + "' is both set and unset; choose one.");
            }
            draft.unset(key);
        }
        return draft.build();
    }

    private static final class Draft {
        private final AppConfig base;
        private int replicas;
        private final Map<String, String> env;
        private final Map<String, AppConfig.SecretKeyRef> secretEnv = new LinkedHashMap<>();
        private List<String> secretRefs;
        private String cpuRequest;
        private String memoryRequest;
        private String cpuLimit;
        private String memoryLimit;
        private boolean ingressEnabled;
        private String host;
        private String tlsSecret;
        private String className;
        private String probePath;
        private boolean readiness;
        private boolean liveness;
        private boolean autoscalingEnabled;
        private int minReplicas;
        private int maxReplicas;
        private int targetCpu;
        private final Map<String, String> labels;
        private final Map<String, String> annotations;
        private boolean policyEnabled;
        private String ingressNamespace;
        private List<String> allowFrom;
        private boolean externalEnabled;
        private String store;
        private String keyPrefix;
        private boolean workerEnabled;
        private List<String> workerCommand;
        private int workerReplicas;
        private final Map<String, Integer> extraPorts;
        private final Map<String, Boolean> addonEnabled = new TreeMap<>();
        private final Map<String, Map<String, String>> addonValues = new TreeMap<>();

        Draft(AppConfig config) {
            base = config;
            replicas = config.replicas();
            env = new TreeMap<>(config.env());
            config.secretEnv().forEach(ref -> secretEnv.put(ref.name(), ref));
            secretRefs = config.secretRefs();
            cpuRequest = config.resources().cpuRequest();
            memoryRequest = config.resources().memoryRequest();
            cpuLimit = config.resources().cpuLimit();
            memoryLimit = config.resources().memoryLimit();
            ingressEnabled = config.ingress().enabled();
            host = config.ingress().host();
            tlsSecret = config.ingress().tlsSecretName();
            className = config.ingress().className();
            probePath = config.probes().path();
            readiness = config.probes().readiness();
            liveness = config.probes().liveness();
            autoscalingEnabled = config.autoscaling().enabled();
            minReplicas = config.autoscaling().minReplicas();
            maxReplicas = config.autoscaling().maxReplicas();
            targetCpu = config.autoscaling().targetCpuPercent();
            labels = new TreeMap<>(config.labels());
            annotations = new TreeMap<>(config.annotations());
            policyEnabled = config.networkPolicy().enabled();
            ingressNamespace = config.networkPolicy().ingressNamespace();
            allowFrom = config.networkPolicy().allowFrom();
            externalEnabled = config.externalSecrets().enabled();
            store = config.externalSecrets().store();
            keyPrefix = config.externalSecrets().keyPrefix();
            workerEnabled = config.worker().enabled();
            workerCommand = config.worker().command();
            workerReplicas = config.worker().replicas();
            extraPorts = new TreeMap<>(config.extraPorts());
            config.addons().forEach((name, addon) -> {
                addonEnabled.put(name, addon.enabled());
                addonValues.put(name, new TreeMap<>(addon.values()));
            });
        }

        /** {@code addons.<name>.enabled} or {@code addons.<name>.values.<path>}: the name and the rest. */
        private static String[] addonKey(String key, String field) {
            if (!key.startsWith("addons.")) {
                return null;
            }
            String rest = key.substring("addons.".length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            String tail = dot < 0 ? "" : rest.substring(dot + 1);
            if (name.isEmpty() || !(tail.isEmpty() || tail.equals("enabled") || tail.startsWith("values.")
                    && tail.length() > "values.".length())) {
                throw new ValidationException(field, "Add-on keys are addons.<name>.enabled and "
                        + "addons.<name>.values.<path>, e.g. addons.postgresql.values.auth.database.");
            }
            return new String[] {name, tail};
        }

        void set(String key, String value) {
            String field = "set." + KubernetesNames.printable(key);
            if (addonKey(key, field) instanceof String[] addon) {
                if (addon[1].isEmpty()) {
                    throw new ValidationException(field, "Set addons." + addon[0] + ".enabled or addons." + addon[0]
                            + ".values.<path>.");
                }
                addonValues.computeIfAbsent(addon[0], n -> new TreeMap<>());
                if (addon[1].equals("enabled")) {
                    addonEnabled.put(addon[0], bool(field, value));
                } else {
                    addonEnabled.putIfAbsent(addon[0], false);
                    addonValues.get(addon[0]).put(addon[1].substring("values.".length()), value);
                }
            } else if (mapKey(key, "ports.", field) instanceof String name) {
                extraPorts.put(name, integer(field, value));
            } else if (mapKey(key, "env.", field) instanceof String name) {
                env.put(name, value);
            } else if (mapKey(key, "labels.", field) instanceof String name) {
                labels.put(name, value);
            } else if (mapKey(key, "annotations.", field) instanceof String name) {
                annotations.put(name, value);
            } else if (mapKey(key, "secretEnv.", field) instanceof String name) {
                int colon = value.indexOf(':');
                if (colon <= 0 || colon == value.length() - 1) {
                    throw new ValidationException(field, "Give the Secret and its key as <secret>:<key>, e.g. "
                            + key + "=db-credentials:password.");
                }
                secretEnv.put(name, new AppConfig.SecretKeyRef(name, value.substring(0, colon),
                        value.substring(colon + 1)));
            } else {
                switch (key) {
                    case "replicas" -> replicas = integer(field, value);
                    case "secretRefs" -> secretRefs = value.isBlank() ? List.of()
                            : List.of(value.split(",", -1)).stream().map(String::strip).toList();
                    case "resources.requests.cpu" -> cpuRequest = value;
                    case "resources.requests.memory" -> memoryRequest = value;
                    case "resources.limits.cpu" -> cpuLimit = value;
                    case "resources.limits.memory" -> memoryLimit = value;
                    case "ingress.enabled" -> ingressEnabled = bool(field, value);
                    case "ingress.host" -> host = value;
                    case "ingress.tlsSecret" -> tlsSecret = value;
                    case "ingress.className" -> className = value;
                    case "probes.path" -> probePath = value;
                    case "probes.readiness" -> readiness = bool(field, value);
                    case "probes.liveness" -> liveness = bool(field, value);
                    case "autoscaling.enabled" -> autoscalingEnabled = bool(field, value);
                    case "autoscaling.minReplicas" -> minReplicas = integer(field, value);
                    case "autoscaling.maxReplicas" -> maxReplicas = integer(field, value);
                    case "autoscaling.targetCPUPercent" -> targetCpu = integer(field, value);
                    case "networkPolicy.enabled" -> policyEnabled = bool(field, value);
                    case "networkPolicy.ingressNamespace" -> ingressNamespace = value;
                    case "networkPolicy.allowFrom" -> allowFrom = list(value);
                    case "externalSecrets.enabled" -> externalEnabled = bool(field, value);
                    case "externalSecrets.store" -> store = value;
                    case "externalSecrets.keyPrefix" -> keyPrefix = value;
                    case "worker.enabled" -> workerEnabled = bool(field, value);
                    case "worker.command" -> workerCommand = value.isBlank() ? List.of()
                            : List.of(value.strip().split("\\s+"));
                    case "worker.replicas" -> workerReplicas = integer(field, value);
                    default -> throw unknown(key, field);
                }
            }
        }

        void unset(String key) {
            String field = "unset." + KubernetesNames.printable(key);
            var initial = AppConfig.initial(base.imageTag(), base.probes().path());
            if (addonKey(key, field) instanceof String[] addon) {
                if (!addonEnabled.containsKey(addon[0])) {
                    throw new ValidationException(field, "Add-on " + addon[0] + " has no settings here to unset.");
                }
                if (addon[1].isEmpty()) {
                    addonEnabled.remove(addon[0]);
                    addonValues.remove(addon[0]);
                } else if (addon[1].equals("enabled")) {
                    addonEnabled.put(addon[0], false);
                } else if (addonValues.get(addon[0]).remove(addon[1].substring("values.".length())) == null) {
                    throw new ValidationException(field, "'" + key + "' is not set, so it cannot be unset.");
                }
            } else if (mapKey(key, "ports.", field) instanceof String name) {
                removeExisting(extraPorts, name, key, field);
            } else if (mapKey(key, "env.", field) instanceof String name) {
                removeExisting(env, name, key, field);
            } else if (mapKey(key, "labels.", field) instanceof String name) {
                removeExisting(labels, name, key, field);
            } else if (mapKey(key, "annotations.", field) instanceof String name) {
                removeExisting(annotations, name, key, field);
            } else if (mapKey(key, "secretEnv.", field) instanceof String name) {
                removeExisting(secretEnv, name, key, field);
            } else {
                switch (key) {
                    case "replicas" -> replicas = initial.replicas();
                    case "secretRefs" -> secretRefs = List.of();
                    case "resources.requests.cpu" -> cpuRequest = AppConfig.Resources.DEFAULT.cpuRequest();
                    case "resources.requests.memory" -> memoryRequest = AppConfig.Resources.DEFAULT.memoryRequest();
                    case "resources.limits.cpu" -> cpuLimit = "";
                    case "resources.limits.memory" -> memoryLimit = "";
                    case "ingress.enabled" -> ingressEnabled = false;
                    case "ingress.host" -> host = "";
                    case "ingress.tlsSecret" -> tlsSecret = "";
                    case "ingress.className" -> className = "";
                    case "autoscaling.enabled" -> autoscalingEnabled = false;
                    case "autoscaling.minReplicas" -> minReplicas = AppConfig.Autoscaling.DISABLED.minReplicas();
                    case "autoscaling.maxReplicas" -> maxReplicas = AppConfig.Autoscaling.DISABLED.maxReplicas();
                    case "autoscaling.targetCPUPercent" ->
                        targetCpu = AppConfig.Autoscaling.DISABLED.targetCpuPercent();
                    case "networkPolicy.enabled" -> policyEnabled = false;
                    case "networkPolicy.ingressNamespace" -> ingressNamespace = "";
                    case "networkPolicy.allowFrom" -> allowFrom = List.of();
                    case "externalSecrets.enabled" -> externalEnabled = false;
                    case "externalSecrets.store" -> store = "";
                    case "externalSecrets.keyPrefix" -> keyPrefix = "";
                    case "worker.enabled" -> workerEnabled = false;
                    case "worker.command" -> workerCommand = List.of();
                    case "worker.replicas" -> workerReplicas = AppConfig.Worker.DISABLED.replicas();
                    case "probes.path", "probes.readiness", "probes.liveness" -> throw new ValidationException(field,
                            "Probes cannot be unset; set probes.readiness=false or probes.liveness=false instead.");
                    default -> throw unknown(key, field);
                }
            }
        }

        AppConfig build() {
            return new AppConfig(base.imageTag(), replicas, env, new ArrayList<>(secretEnv.values()), secretRefs,
                    new AppConfig.Resources(cpuRequest, memoryRequest, cpuLimit, memoryLimit),
                    new AppConfig.Ingress(ingressEnabled, host, tlsSecret, className),
                    new AppConfig.Probes(probePath, readiness, liveness),
                    new AppConfig.Autoscaling(autoscalingEnabled, minReplicas, maxReplicas, targetCpu), labels,
                    annotations, new AppConfig.NetworkPolicy(policyEnabled, ingressNamespace, allowFrom),
                    new AppConfig.ExternalSecrets(externalEnabled, store, keyPrefix),
                    new AppConfig.Worker(workerEnabled, workerCommand, workerReplicas), addons(), extraPorts);
        }

        private Map<String, AppConfig.Addon> addons() {
            var addons = new TreeMap<String, AppConfig.Addon>();
            addonEnabled.forEach((name, enabled) -> addons.put(name, new AppConfig.Addon(enabled,
                    addonValues.getOrDefault(name, Map.of()))));
            return addons;
        }

        /** The name after {@code prefix}, or null when the key has another prefix. */
        private static String mapKey(String key, String prefix, String field) {
            if (!key.startsWith(prefix)) {
                return null;
            }
            String name = key.substring(prefix.length());
            if (name.isEmpty()) {
                throw new ValidationException(field, "Name the entry after '" + prefix + "', e.g. " + prefix
                        + switch (prefix) {
                            case "env." -> "LOG_LEVEL";
                            case "secretEnv." -> "DB_PASSWORD";
                            default -> "team";
                        } + ".");
            }
            return name;
        }

        private static void removeExisting(Map<String, ?> map, String name, String key, String field) {
            if (map.remove(name) == null) {
                throw new ValidationException(field, "'" + key + "' is not set, so it cannot be unset.");
            }
        }

        private static List<String> list(String value) {
            return value.isBlank() ? List.of() : List.of(value.split(",", -1)).stream().map(String::strip).toList();
        }

        private static int integer(String field, String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException(field, field.substring(4) + " must be a whole number, not '"
                        + KubernetesNames.printable(value) + "'.");
            }
        }

        private static boolean bool(String field, String value) {
            return switch (value.strip()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ValidationException(field, field.substring(4) + " must be true or false, not '"
                        + KubernetesNames.printable(value) + "'.");
            };
        }

        private static ValidationException unknown(String key, String field) {
            String hint = key.equals("imageTag") || key.startsWith("image")
                    ? " The image tag has its own option (--image, or \"imageTag\" in the API)." : "";
            return new ValidationException(field, "'" + key + "' is not a value Plate can set." + hint
                    + " Settable: " + String.join(", ", KEYS) + ".");
        }
    }
}
