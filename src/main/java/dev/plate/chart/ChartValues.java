package dev.plate.chart;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An environment's {@code values.yaml} as the generated chart reads it, typed: the one mapping between
 * {@link AppConfig} and the file, both ways ({@link #of} for {@link ValuesWriter}, {@link #config} for
 * {@link ValuesReader}). Components are in the file's order. Derived values (the PodDisruptionBudget switch, the
 * ExternalSecrets' secret list) are written, and recomputed rather than read back. A key missing from an older or
 * hand-edited file reads as the chart's default. Add-on sections sit at the top level under their dependency's
 * name, so they are not a component: see {@link #addonSection} and {@link #addon}.
 */
record ChartValues(Image image, Integer replicaCount, Integer containerPort, Map<String, String> env,
        List<SecretEnv> secretEnv, List<String> secretRefs, Resources resources, Probes probes, Ingress ingress,
        Autoscaling autoscaling, Switch podDisruptionBudget, Map<String, String> extraLabels,
        Map<String, String> extraAnnotations, NetworkPolicy networkPolicy, ExternalSecrets externalSecrets,
        Worker worker, List<Port> extraPorts) {

    record Image(String repository, String tag) {}

    record SecretEnv(String name, String secretName, String key) {}

    record Resources(Amounts requests, Limits limits) {}

    record Amounts(String cpu, String memory) {}

    /**
     * Helm merges these over the chart's defaults, which limit memory: "no memory limit" must be an explicit null,
     * the only thing that removes a default key. (A null for a key the defaults lack would reach the manifest, so no
     * cpu limit is simply left out.)
     */
    record Limits(@JsonInclude(JsonInclude.Include.NON_EMPTY) String cpu, String memory) {}

    record Switch(Boolean enabled) {}

    record Probes(String path, Switch readiness, Switch liveness) {}

    record Ingress(Boolean enabled, String host, String tlsSecretName, String className) {}

    record Autoscaling(Boolean enabled, Integer minReplicas, Integer maxReplicas,
            Integer targetCPUUtilizationPercentage) {}

    record NetworkPolicy(Boolean enabled, String ingressNamespace, List<String> allowFrom) {}

    record ExternalSecrets(Boolean enabled, String store, String keyPrefix, List<String> secrets) {}

    record Worker(Boolean enabled, List<String> command, Integer replicas) {}

    record Port(String name, Integer port) {}

    static ChartValues of(ProjectChart project, AppConfig config) {
        var resources = config.resources();
        var scaling = config.autoscaling();
        var secretNames = new TreeSet<String>(config.secretRefs());
        config.secretEnv().forEach(ref -> secretNames.add(ref.secretName()));
        var ingress = config.ingress();
        var policy = config.networkPolicy();
        var external = config.externalSecrets();
        var worker = config.worker();
        return new ChartValues(new Image(project.imageRepository(), config.imageTag()), config.replicas(),
                project.containerPort(), config.env(),
                config.secretEnv().stream().map(ref -> new SecretEnv(ref.name(), ref.secretName(), ref.key())).toList(),
                config.secretRefs(),
                new Resources(new Amounts(resources.cpuRequest(), resources.memoryRequest()),
                        new Limits(resources.cpuLimit(), resources.memoryLimit().isEmpty() ? null
                                : resources.memoryLimit())),
                new Probes(config.probes().path(), new Switch(config.probes().readiness()),
                        new Switch(config.probes().liveness())),
                new Ingress(ingress.enabled(), ingress.host(), ingress.tlsSecretName(), ingress.className()),
                new Autoscaling(scaling.enabled(), scaling.minReplicas(), scaling.maxReplicas(),
                        scaling.targetCpuPercent()),
                new Switch(AppConfigRules.disruptionBudget(config)), config.labels(), config.annotations(),
                new NetworkPolicy(policy.enabled(), policy.ingressNamespace(), policy.allowFrom()),
                new ExternalSecrets(external.enabled(), external.store(), external.keyPrefix(),
                        List.copyOf(secretNames)),
                new Worker(worker.enabled(), worker.command(), worker.replicas()),
                config.extraPorts().entrySet().stream().map(port -> new Port(port.getKey(), port.getValue()))
                        .toList());
    }

    /**
     * A declared add-on's section: its switch (off unless this environment turns it on: Helm would enable a
     * dependency whose condition is missing) and its values, dotted paths as nested keys.
     */
    static Map<String, Object> addonSection(AppConfig config, ChartDependency dependency) {
        var addon = config.addons().getOrDefault(dependency.name(), new AppConfig.Addon(false, null));
        var section = new LinkedHashMap<String, Object>();
        section.put("enabled", addon.enabled());
        addon.values().forEach((path, value) -> put(section, path.split("\\."), value));
        return section;
    }

    /** The add-on's settings read back from its section; empty when it is off and sets nothing. */
    static Optional<AppConfig.Addon> addon(Map<String, Object> section) {
        var flat = new TreeMap<String, String>();
        section.forEach((key, value) -> {
            if (!key.equals("enabled")) {
                flatten(key, value, flat);
            }
        });
        boolean enabled = switch (section.get("enabled")) {
            case Boolean on -> on;
            case Number number -> number.intValue() != 0;
            case String text -> text.strip().equals("true");
            case null, default -> false;
        };
        return enabled || !flat.isEmpty() ? Optional.of(new AppConfig.Addon(enabled, flat)) : Optional.empty();
    }

    /** The configuration these values hold (add-ons aside); a missing key reads as the chart's default. */
    AppConfig config(Map<String, AppConfig.Addon> addons) {
        var resources = or(this.resources, new Resources(null, null));
        var requests = or(resources.requests(), new Amounts(null, null));
        var limits = or(resources.limits(), new Limits(null, null));
        var probes = or(this.probes, new Probes(null, null, null));
        var ingress = or(this.ingress, new Ingress(null, null, null, null));
        var scaling = or(this.autoscaling, new Autoscaling(null, null, null, null));
        var policy = or(this.networkPolicy, new NetworkPolicy(null, null, null));
        var external = or(this.externalSecrets, new ExternalSecrets(null, null, null, null));
        var worker = or(this.worker, new Worker(null, null, null));
        var ports = new TreeMap<String, Integer>();
        or(extraPorts, List.<Port>of()).stream().filter(java.util.Objects::nonNull)
                .forEach(port -> ports.put(text(port.name()), or(port.port(), 0)));
        return new AppConfig(text(or(image, new Image(null, null)).tag()), or(replicaCount, 1), texts(env),
                or(secretEnv, List.<SecretEnv>of()).stream().filter(java.util.Objects::nonNull)
                        .map(ref -> new AppConfig.SecretKeyRef(text(ref.name()),
                        text(ref.secretName()), text(ref.key()))).toList(),
                texts(secretRefs),
                new AppConfig.Resources(text(requests.cpu()), text(requests.memory()), text(limits.cpu()),
                        text(limits.memory())),
                new AppConfig.Ingress(on(ingress.enabled(), false), text(ingress.host()),
                        text(ingress.tlsSecretName()), text(ingress.className())),
                new AppConfig.Probes(or(probes.path(), "/"), on(or(probes.readiness(), new Switch(null)).enabled(),
                        true), on(or(probes.liveness(), new Switch(null)).enabled(), true)),
                new AppConfig.Autoscaling(on(scaling.enabled(), false), or(scaling.minReplicas(), 1),
                        or(scaling.maxReplicas(), 3), or(scaling.targetCPUUtilizationPercentage(), 80)),
                texts(extraLabels), texts(extraAnnotations),
                new AppConfig.NetworkPolicy(on(policy.enabled(), false), or(policy.ingressNamespace(),
                        AppConfig.NetworkPolicy.DISABLED.ingressNamespace()), texts(policy.allowFrom())),
                new AppConfig.ExternalSecrets(on(external.enabled(), false), text(external.store()),
                        text(external.keyPrefix())),
                new AppConfig.Worker(on(worker.enabled(), false), texts(worker.command()), or(worker.replicas(), 1)),
                addons, ports);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> section, String[] path, String value) {
        var level = section;
        for (int i = 0; i < path.length - 1; i++) {
            level = (Map<String, Object>) level.computeIfAbsent(path[i], key -> new LinkedHashMap<String, Object>());
        }
        level.put(path[path.length - 1], value);
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        switch (value) {
            case Map<?, ?> map -> map.forEach((key, nested) -> flatten(prefix + "." + key, nested, into));
            case null -> into.put(prefix, "");
            case java.util.Collection<?> list -> into.put(prefix, ""); // Plate sets strings only; a list reads as none
            default -> into.put(prefix, String.valueOf(value));
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static boolean on(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, String> texts(Map<String, String> values) {
        var result = new LinkedHashMap<String, String>();
        if (values != null) {
            values.forEach((key, value) -> result.put(key, text(value)));
        }
        return result;
    }

    private static List<String> texts(List<String> values) {
        return values == null ? List.of() : values.stream().map(ChartValues::text).toList();
    }
}
