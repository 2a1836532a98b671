package dev.plate.chart;

import static dev.plate.chart.KubernetesNames.label;

import dev.plate.base.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;

/**
 * Checks an {@link AppConfig} completely before anything is written: the first problem found is refused
 * with a message naming the field (for example {@code env.DATABASE_URL} or {@code ingress.host}).
 */
public final class AppConfigRules {

    static final int MAX_REPLICAS = 100;
    /** Kubernetes caps a ConfigMap at 1 MiB; leave room for the rest of the object. */
    static final int MAX_ENV_BYTES = 512 * 1024;
    private static final int MAX_ANNOTATION_BYTES = 256 * 1024;

    private AppConfigRules() {}

    /**
     * Whether the chart renders a PodDisruptionBudget, derived rather than chosen: only when at least two pods
     * run, because a budget of one with a single pod would block every node drain.
     */
    public static boolean disruptionBudget(AppConfig config) {
        var scaling = config.autoscaling();
        return (scaling.enabled() ? scaling.minReplicas() : config.replicas()) > 1;
    }

    public static AppConfig validate(AppConfig config) {
        KubernetesNames.imageTag("imageTag", config.imageTag());
        range("replicas", config.replicas(), 0, MAX_REPLICAS);
        env(config.env());
        secrets(config);
        resources(config.resources());
        ingress(config.ingress());
        probes(config.probes());
        autoscaling(config.autoscaling());
        labels(config.labels());
        annotations(config.annotations());
        networkPolicy(config.networkPolicy());
        externalSecrets(config);
        worker(config.worker());
        addons(config.addons());
        extraPorts(config.extraPorts());
        return config;
    }

    /** IANA service names: at most 15 lowercase letters, digits and '-', with a letter; "http" is the app's own. */
    private static final java.util.regex.Pattern PORT_NAME = java.util.regex.Pattern.compile(
            "(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private static void extraPorts(Map<String, Integer> ports) {
        if (ports.size() > 10) {
            throw new ValidationException("ports", "At most 10 extra ports.");
        }
        var numbers = new HashSet<Integer>();
        for (var port : ports.entrySet()) {
            String field = "ports." + KubernetesNames.printable(port.getKey());
            if (!PORT_NAME.matcher(port.getKey()).matches() || port.getKey().equals("http")
                    || port.getKey().contains("--")) {
                throw new ValidationException(field, "A port's name is at most 15 lowercase letters, digits and '-' "
                        + "with at least one letter, other than http (the app's own), e.g. metrics.");
            }
            if (port.getValue() == null) {
                throw new ValidationException(field, "Give the port's number.");
            }
            KubernetesNames.port(field, port.getValue());
            if (!numbers.add(port.getValue())) {
                throw new ValidationException(field, "Port " + port.getValue() + " is given twice.");
            }
        }
    }

    /** The values' top-level keys the chart itself uses: an add-on of that name would overwrite them. */
    static final java.util.Set<String> CHART_KEYS = java.util.Set.of("image", "replicaCount", "containerPort",
            "service", "env", "secretEnv", "secretRefs", "resources", "probes", "ingress", "autoscaling",
            "podDisruptionBudget", "serviceAccount", "securityContext", "extraLabels", "extraAnnotations",
            "networkPolicy", "externalSecrets", "worker", "global");
    private static final java.util.regex.Pattern VALUE_PATH = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_-]{1,63}(\\.[A-Za-z0-9_-]{1,63}){0,15}");
    private static final java.util.regex.Pattern CHART_VERSION_RANGE = java.util.regex.Pattern.compile(
            "[0-9A-Za-z.*^~<>=|, +-]{1,64}");

    /** An environment's add-on settings, and that each names an add-on the project declares. */
    public static AppConfig validate(ProjectChart project, AppConfig config) {
        validate(project);
        validate(config);
        if (config.extraPorts().containsValue(project.containerPort())) {
            throw new ValidationException("ports", "Port " + project.containerPort() + " is the app's own port (http); "
                    + "give extra ports other numbers.");
        }
        var declared = project.dependencies().stream().map(ChartDependency::name).toList();
        for (String addon : config.addons().keySet()) {
            if (!declared.contains(addon)) {
                throw new ValidationException("addons." + KubernetesNames.printable(addon), "'" + addon + "' is not "
                        + "an add-on of " + project.name() + (declared.isEmpty() ? " (it declares none)."
                        : "; it declares " + String.join(", ", declared) + "."));
            }
        }
        return config;
    }

    private static void addons(Map<String, AppConfig.Addon> addons) {
        for (var addon : addons.entrySet()) {
            String field = "addons." + KubernetesNames.printable(addon.getKey());
            KubernetesNames.dnsLabel(field, addon.getKey());
            var paths = new java.util.TreeSet<String>();
            for (var value : addon.getValue().values().entrySet()) {
                String path = value.getKey();
                String valueField = field + ".values." + KubernetesNames.printable(path);
                if (path == null || !VALUE_PATH.matcher(path).matches()) {
                    throw new ValidationException(valueField, "A value path is names of letters, digits, '-' and '_' "
                            + "joined by dots, e.g. auth.database.");
                }
                if (path.equals("enabled")) {
                    throw new ValidationException(valueField, "Turn the add-on on or off with addons."
                            + addon.getKey() + ".enabled, not with a value.");
                }
                if (value.getValue() == null || value.getValue().indexOf('\0') >= 0) {
                    throw new ValidationException(valueField, "The value must be text without NUL characters.");
                }
                paths.add(path);
            }
            // Every shorter path, not only the neighbour in sorted order: "a-b" sorts between "a" and "a.c".
            for (String path : paths) {
                for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                    String parent = path.substring(0, dot);
                    if (paths.contains(parent)) {
                        throw new ValidationException(field + ".values." + path, "'" + parent + "' is set as a value, "
                                + "so '" + path + "' cannot be set below it.");
                    }
                }
            }
        }
    }

    private static void networkPolicy(AppConfig.NetworkPolicy policy) {
        if (!policy.ingressNamespace().isEmpty()) {
            KubernetesNames.dnsLabel("networkPolicy.ingressNamespace", policy.ingressNamespace());
        }
        for (String project : policy.allowFrom()) {
            KubernetesNames.projectName("networkPolicy.allowFrom", project);
        }
    }

    private static void externalSecrets(AppConfig config) {
        var external = config.externalSecrets();
        if (external.enabled() && external.store().isEmpty()) {
            throw new ValidationException("externalSecrets.store", "Name the ClusterSecretStore the secrets come "
                    + "from, e.g. vault-backend.");
        }
        if (!external.store().isEmpty()) {
            KubernetesNames.resourceName("externalSecrets.store", external.store());
        }
        if (external.keyPrefix().length() > 200 || external.keyPrefix().chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("externalSecrets.keyPrefix", "The remote key prefix must be at most 200 "
                    + "printable characters, e.g. apps/web/.");
        }
        if (external.enabled() && config.secretEnv().isEmpty() && config.secretRefs().isEmpty()) {
            throw new ValidationException("externalSecrets.enabled", "No secret is referenced (secretEnv or "
                    + "secretRefs), so there is nothing to fetch from the store.");
        }
    }

    private static void worker(AppConfig.Worker worker) {
        if (worker.enabled() && worker.command().isEmpty()) {
            throw new ValidationException("worker.command", "Give the worker's command, e.g. bundle exec sidekiq.");
        }
        for (String part : worker.command()) {
            if (part == null || part.isEmpty() || part.indexOf('\0') >= 0) {
                throw new ValidationException("worker.command", "The worker's command has an empty part.");
            }
        }
        if (worker.command().stream().mapToInt(String::length).sum() > 4096) {
            throw new ValidationException("worker.command", "The worker's command must be at most 4096 characters.");
        }
        range("worker.replicas", worker.replicas(), 0, MAX_REPLICAS);
    }

    public static ProjectChart validate(ProjectChart project) {
        KubernetesNames.projectName("name", project.name());
        KubernetesNames.imageRepository("imageRepository", project.imageRepository());
        KubernetesNames.port("containerPort", project.containerPort());
        dependencies(project.dependencies());
        return project;
    }

    private static void dependencies(java.util.List<ChartDependency> dependencies) {
        if (dependencies.size() > 10) {
            throw new ValidationException("dependencies", "A project may declare at most 10 add-on charts.");
        }
        var names = new java.util.HashSet<String>();
        for (var dependency : dependencies) {
            if (dependency == null) {
                throw new ValidationException("dependencies", "Each add-on needs a name, a repository and a version.");
            }
            String field = "dependencies." + KubernetesNames.printable(String.valueOf(dependency.name()));
            KubernetesNames.dnsLabel(field + ".name", dependency.name());
            if (CHART_KEYS.contains(dependency.name())) {
                throw new ValidationException(field + ".name", "'" + dependency.name() + "' is a key of Plate's "
                        + "chart; give the add-on another name.");
            }
            if (!names.add(dependency.name())) {
                throw new ValidationException(field + ".name", "Add-on '" + dependency.name() + "' is declared twice.");
            }
            String repository = dependency.repository() == null ? "" : dependency.repository();
            boolean valid;
            try {
                var uri = new java.net.URI(repository);
                valid = java.util.List.of("https", "http", "oci").contains(uri.getScheme()) && uri.getHost() != null
                        && uri.getUserInfo() == null && repository.length() <= 512;
            } catch (java.net.URISyntaxException e) {
                valid = false;
            }
            if (!valid) {
                throw new ValidationException(field + ".repository", "Give the chart repository as https://host/path "
                        + "or oci://registry/path, without credentials (e.g. oci://registry-1.docker.io/bitnamicharts).");
            }
            if (dependency.version() == null || !CHART_VERSION_RANGE.matcher(dependency.version()).matches()) {
                throw new ValidationException(field + ".version", "Give the chart's version or range, e.g. 16.4.0 "
                        + "or ^16.0.0.");
            }
        }
    }

    /**
     * A new project's add-on versions, as Helm parses them: Helm refuses any other at {@code helm dependency build},
     * so Argo CD could render no environment. Only at import (the one place a version is set): a project stored before
     * this check keeps the looser one above, so it can still be read, changed and recovered.
     */
    public static void helmVersions(java.util.List<ChartDependency> dependencies) {
        for (var dependency : dependencies) {
            if (dependency == null) {
                continue; // refused by validate(ProjectChart), which says what an add-on needs
            }
            helmVersion("dependencies." + KubernetesNames.printable(String.valueOf(dependency.name())) + ".version",
                    dependency);
        }
    }

    private static void helmVersion(String field, ChartDependency dependency) {
        String version = dependency.version();
        if (version == null || version.isBlank()) {
            throw new ValidationException(field, "Give add-on " + dependency.name() + "'s chart version or range, "
                    + "e.g. 16.4.0 or ^16.0.0.");
        }
        if (!ChartVersionRanges.accepted(version)) {
            throw new ValidationException(field, "Add-on " + dependency.name() + "'s version '"
                    + KubernetesNames.printable(version) + "' is not one Helm accepts: give a chart version such as "
                    + "16.4.0 or a range such as ^16.0.0, ~16.4, 16.x or >=16.0.0 <17.0.0 (at most "
                    + ChartVersionRanges.MAX_LENGTH + " characters).");
        }
    }

    private static void env(Map<String, String> env) {
        long bytes = 0;
        for (var entry : env.entrySet()) {
            String field = "env." + KubernetesNames.printable(entry.getKey());
            KubernetesNames.envName("env", entry.getKey());
            String value = entry.getValue();
            if (value == null) {
                throw new ValidationException(field, "Env " + field.substring(4) + " needs a value (it may be empty).");
            }
            if (value.indexOf('\0') >= 0) {
                throw new ValidationException(field, "Env " + field.substring(4) + " must not contain NUL characters.");
            }
            bytes += entry.getKey().length() + value.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_ENV_BYTES) {
            throw new ValidationException("env", "Env variables add up to " + bytes / 1024 + " KiB; at most "
                    + MAX_ENV_BYTES / 1024 + " KiB fit in a ConfigMap. Put large content in a Secret or a volume.");
        }
    }

    private static void secrets(AppConfig config) {
        var names = new HashSet<>(config.env().keySet());
        for (var ref : config.secretEnv()) {
            KubernetesNames.envName("secretEnv.name", ref.name());
            KubernetesNames.resourceName("secretEnv.secretName", ref.secretName());
            KubernetesNames.secretKey("secretEnv.key", ref.key());
            if (!names.add(ref.name())) {
                throw new ValidationException("secretEnv." + ref.name(), "Env " + ref.name()
                        + " is set twice: once as a setting or secret reference already.");
            }
        }
        for (String secret : config.secretRefs()) {
            KubernetesNames.resourceName("secretRefs", secret);
        }
    }

    private static void resources(AppConfig.Resources resources) {
        if (resources == null) {
            throw new ValidationException("resources", "Resources are required.");
        }
        KubernetesNames.cpu("resources.cpuRequest", resources.cpuRequest());
        KubernetesNames.memory("resources.memoryRequest", resources.memoryRequest());
        if (!resources.cpuLimit().isEmpty()) {
            KubernetesNames.cpu("resources.cpuLimit", resources.cpuLimit());
        }
        if (!resources.memoryLimit().isEmpty()) {
            KubernetesNames.memory("resources.memoryLimit", resources.memoryLimit());
        }
        if (!resources.cpuLimit().isEmpty() && Quantities.cpuMillis(resources.cpuRequest())
                > Quantities.cpuMillis(resources.cpuLimit())) {
            throw new ValidationException("resources.cpuRequest", "CPU request " + resources.cpuRequest()
                    + " is above the CPU limit " + resources.cpuLimit() + "; Kubernetes would refuse the pod.");
        }
        if (!resources.memoryLimit().isEmpty() && Quantities.memoryBytes(resources.memoryRequest())
                > Quantities.memoryBytes(resources.memoryLimit())) {
            throw new ValidationException("resources.memoryRequest", "Memory request " + resources.memoryRequest()
                    + " is above the memory limit " + resources.memoryLimit() + "; Kubernetes would refuse the pod.");
        }
    }

    /** A disabled ingress may keep its settings for later, but only valid ones: enabling it must not fail then. */
    private static void ingress(AppConfig.Ingress ingress) {
        if (ingress == null) {
            return;
        }
        if (ingress.enabled() || !ingress.host().isEmpty()) {
            KubernetesNames.host("ingress.host", ingress.host());
        }
        if (!ingress.tlsSecretName().isEmpty()) {
            KubernetesNames.resourceName("ingress.tlsSecretName", ingress.tlsSecretName());
        }
        if (!ingress.className().isEmpty()) {
            KubernetesNames.resourceName("ingress.className", ingress.className());
        }
    }

    private static void probes(AppConfig.Probes probes) {
        if (probes == null) {
            throw new ValidationException("probes", "Probes are required.");
        }
        KubernetesNames.httpPath("probes.path", probes.path());
    }

    /** Only while on: a stored configuration may hold any values while off (see {@link ChangeRules}). */
    private static void autoscaling(AppConfig.Autoscaling autoscaling) {
        if (autoscaling != null && autoscaling.enabled()) {
            scaling(autoscaling);
        }
    }

    static void scaling(AppConfig.Autoscaling autoscaling) {
        range("autoscaling.minReplicas", autoscaling.minReplicas(), 1, MAX_REPLICAS);
        range("autoscaling.maxReplicas", autoscaling.maxReplicas(), 1, MAX_REPLICAS);
        if (autoscaling.maxReplicas() < autoscaling.minReplicas()) {
            throw new ValidationException("autoscaling.maxReplicas", "Autoscaling.maxReplicas (" + autoscaling
                    .maxReplicas() + ") must not be below autoscaling.minReplicas (" + autoscaling.minReplicas()
                    + "): set both.");
        }
        range("autoscaling.targetCpuPercent", autoscaling.targetCpuPercent(), 1, 100);
    }

    private static void labels(Map<String, String> labels) {
        for (var entry : labels.entrySet()) {
            reservedPrefix("labels", KubernetesNames.qualifiedKey("labels", entry.getKey()));
            if (entry.getValue() == null) {
                throw new ValidationException("labels." + entry.getKey(), "Label " + entry.getKey() + " needs a value.");
            }
            if (!entry.getValue().isEmpty()) {
                KubernetesNames.labelValue("labels." + entry.getKey(), entry.getValue());
            }
        }
    }

    private static void annotations(Map<String, String> annotations) {
        long bytes = 0;
        for (var entry : annotations.entrySet()) {
            reservedPrefix("annotations", KubernetesNames.qualifiedKey("annotations", entry.getKey()));
            if (entry.getValue() == null) {
                throw new ValidationException("annotations." + entry.getKey(),
                        "Annotation " + entry.getKey() + " needs a value (it may be empty).");
            }
            bytes += entry.getKey().length() + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_ANNOTATION_BYTES) {
            throw new ValidationException("annotations", "Annotations must add up to at most 256 KiB.");
        }
    }

    /** Plate sets these itself; letting users set them would break selectors and ownership. */
    private static void reservedPrefix(String field, String key) {
        if (key.startsWith("app.kubernetes.io/") || key.startsWith("helm.sh/") || key.startsWith("plate.dev/")
                || key.startsWith("argocd.argoproj.io/") || key.startsWith("meta.helm.sh/")) {
            throw new ValidationException(field + "." + key, label(field) + " key '" + key + "' is reserved: "
                    + "Plate, Helm and Argo CD set keys under app.kubernetes.io/, helm.sh/, plate.dev/ and "
                    + "argocd.argoproj.io/.");
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, label(field) + " must be between " + min + " and " + max
                    + " (was " + value + ").");
        }
    }
}
