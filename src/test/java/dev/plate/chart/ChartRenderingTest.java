package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.chart.AppConfig.Autoscaling;
import dev.plate.chart.AppConfig.ExternalSecrets;
import dev.plate.chart.AppConfig.NetworkPolicy;
import dev.plate.chart.AppConfig.Worker;
import dev.plate.chart.AppConfig.Ingress;
import dev.plate.chart.AppConfig.Probes;
import dev.plate.chart.AppConfig.Resources;
import dev.plate.chart.AppConfig.SecretKeyRef;
import dev.plate.support.Helm;
import dev.plate.support.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every generated chart, rendered by the real helm 3 over a matrix of configurations (each optional feature on
 * and off), passes {@code helm lint --strict}, and every object it renders validates against the Kubernetes
 * 1.32 schemas.
 */
class ChartRenderingTest {

    static final ProjectChart PROJECT = new ProjectChart("web-app", "ghcr.io/acme/web-app", 8080);
    /** Values that must reach the cluster as the same literal text. */
    static final Map<String, String> HOSTILE_ENV = Map.of(
            "HELM_SYNTAX", "{{ .Values.secret }}",
            "YAML_SYNTAX", "key: value # not a comment",
            "MULTILINE", "line one\nline two\n",
            "LOOKS_NUMERIC", "0123",
            "LOOKS_BOOLEAN", "yes",
            "EMPTY", "",
            "QUOTES", "she said \"hi\" and 'bye'",
            "UNICODE", "grüße ✓");

    @TempDir
    Path dir;

    static Stream<Arguments> configurations() {
        var minimal = AppConfig.initial("1.0.0", "/healthz");
        var everything = new AppConfig("2.3.4-rc.1", 3, new TreeMap<>(HOSTILE_ENV),
                List.of(new SecretKeyRef("DB_PASSWORD", "web-app-db", "password")), List.of("web-app-extra"),
                new Resources("250m", "256Mi", "1", "512Mi"),
                new Ingress(true, "web.example.com", "web-tls", "nginx"), new Probes("/ready?full=1", true, true),
                new Autoscaling(true, 2, 10, 70), Map.of("team", "payments", "example.com/tier", "frontend"),
                Map.of("example.com/owner", "payments team: {{ not helm }}", "note", "a: b\n# c"),
                new NetworkPolicy(true, "ingress-nginx", List.of("checkout", "api-gateway")),
                new ExternalSecrets(true, "vault-backend", "apps/web-app/"),
                new Worker(true, List.of("bundle", "exec", "sidekiq", "-q", "{{ default }}"), 2))
                .withExtraPorts(Map.of("metrics", 9090, "grpc", 9000));
        var ingressNoTls = new AppConfig("latest", 2, null, null, null, new Resources("0.5", "64Mi", "", ""),
                new Ingress(true, "*.apps.example.org", "", ""), new Probes("/", false, true), Autoscaling.DISABLED,
                null, null);
        var awkwardTag = new AppConfig("_build-2024.11-" + "x".repeat(80).substring(0, 50) + "-", 1, null, null, null,
                Resources.DEFAULT, Ingress.DISABLED, new Probes("/", true, true), new Autoscaling(true, 2, 4, 50),
                null, null);
        var noProbesScaledToZero = new AppConfig("v1", 0, Map.of("ONLY", "one"), null, List.of("a", "b"),
                Resources.DEFAULT, Ingress.DISABLED, new Probes("/", false, false), Autoscaling.DISABLED, null, null);
        var lockedDown = minimal.withOptions(new NetworkPolicy(true, "", List.of()), null, null);
        var secretsFromStore = new AppConfig("1.0.0", 1, null, List.of(new SecretKeyRef("API_KEY", "payments-api", "key"),
                new SecretKeyRef("DB_URL", "web-app-db", "url")), List.of("web-app-db", "shared-tls"), Resources.DEFAULT,
                Ingress.DISABLED, new Probes("/", true, true), Autoscaling.DISABLED, null, null)
                .withOptions(null, new ExternalSecrets(true, "aws-secrets", ""), null);
        var workerOnly = minimal.withOptions(null, null, new Worker(true, List.of("node", "worker.js"), 0));
        return Stream.of(Arguments.of("minimal", minimal), Arguments.of("everything on", everything),
                Arguments.of("network policy refusing everything", lockedDown),
                Arguments.of("secrets from an external store", secretsFromStore),
                Arguments.of("a worker, scaled to zero", workerOnly),
                Arguments.of("ingress without TLS, no limits", ingressNoTls),
                Arguments.of("tag that is no valid label value", awkwardTag),
                Arguments.of("no probes, zero replicas", noProbesScaledToZero));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void the_chart_renders_with_helm_and_every_object_validates(String name, AppConfig config) throws IOException {
        Path chart = writeChart(config);
        Path values = dir.resolve("values-env.yaml");
        Files.write(values, new ValuesWriter().write(PROJECT, config));

        Helm.lint(chart, values);
        List<JsonNode> objects = render(chart, values);

        assertValid(name, objects);
        options(config, objects);
        assertThat(kinds(objects)).contains("Deployment", "Service", "ServiceAccount", "ConfigMap");
        assertThat(kinds(objects).contains("Ingress")).isEqualTo(config.ingress().enabled());
        assertThat(kinds(objects).contains("HorizontalPodAutoscaler")).isEqualTo(config.autoscaling().enabled());
        int floor = config.autoscaling().enabled() ? config.autoscaling().minReplicas() : config.replicas();
        assertThat(kinds(objects).contains("PodDisruptionBudget")).as("PDB only when more than one pod is kept")
                .isEqualTo(floor > 1);
        // What the configuration says about limits is what the container gets: "no limit" must override the
        // chart's default (Helm merges the environment's values over it).
        JsonNode limits = objects.stream().filter(o -> o.path("kind").asString().equals("Deployment")).findFirst()
                .orElseThrow().at("/spec/template/spec/containers/0/resources/limits");
        assertThat(limits.path("cpu").asString("")).as("cpu limit").isEqualTo(config.resources().cpuLimit());
        assertThat(limits.path("memory").asString("")).as("memory limit").isEqualTo(config.resources().memoryLimit());
        // The schemas do not check label values; the API server does.
        for (JsonNode object : objects) {
            for (JsonNode labels : List.of(object.path("metadata").path("labels"),
                    object.at("/spec/template/metadata/labels"))) {
                labels.properties().forEach(label -> assertThat(label.getValue().asString())
                        .as("label " + label.getKey() + " of " + object.path("kind").asString())
                        .matches("(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void env_values_arrive_in_the_cluster_as_the_same_literal_strings(String name, AppConfig config)
            throws IOException {
        Path chart = writeChart(config);
        Path values = dir.resolve("values-env.yaml");
        Files.write(values, new ValuesWriter().write(PROJECT, config));

        JsonNode configMap = render(chart, values).stream()
                .filter(o -> o.path("kind").asString().equals("ConfigMap")).findFirst().orElseThrow();

        var data = new TreeMap<String, String>();
        configMap.path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
        assertThat(data).isEqualTo(config.env());
        JsonNode deployment = render(chart, values).stream()
                .filter(o -> o.path("kind").asString().equals("Deployment")).findFirst().orElseThrow();
        config.annotations().forEach((key, value) -> assertThat(
                deployment.path("metadata").path("annotations").path(key).asString()).isEqualTo(value));
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asString())
                .isEqualTo("ghcr.io/acme/web-app:" + config.imageTag());
    }

    /** Every combination of the optional features (and ingress and autoscaling with them) renders and validates. */
    static Stream<Arguments> combinations() {
        var base = new AppConfig("1.0.0", 2, Map.of("A", "b"), List.of(new SecretKeyRef("DB", "web-app-db", "url")),
                List.of("shared"), Resources.DEFAULT, Ingress.DISABLED, new Probes("/", true, true),
                Autoscaling.DISABLED, null, null);
        var combinations = new ArrayList<Arguments>();
        for (int bits = 0; bits < 32; bits++) {
            boolean policy = (bits & 1) != 0;
            boolean external = (bits & 2) != 0;
            boolean worker = (bits & 4) != 0;
            boolean ingress = (bits & 8) != 0;
            boolean scaling = (bits & 16) != 0;
            var config = new AppConfig(base.imageTag(), base.replicas(), base.env(), base.secretEnv(),
                    base.secretRefs(), base.resources(), ingress ? new Ingress(true, "web.example.com", "web-tls", "")
                    : Ingress.DISABLED, base.probes(), scaling ? new Autoscaling(true, 2, 5, 60) : Autoscaling.DISABLED,
                    null, null, new NetworkPolicy(policy, "ingress-nginx", policy ? List.of("api") : List.of()),
                    new ExternalSecrets(external, external ? "vault" : "", ""),
                    new Worker(worker, worker ? List.of("run-worker") : List.of(), 1));
            combinations.add(Arguments.of("policy=" + policy + " external=" + external + " worker=" + worker
                    + " ingress=" + ingress + " autoscaling=" + scaling, config));
        }
        return combinations.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void every_combination_of_the_optional_features_renders_and_validates(String name, AppConfig config)
            throws IOException {
        Path chart = writeChart(config);
        Path values = dir.resolve("values-env.yaml");
        Files.write(values, new ValuesWriter().write(PROJECT, config));
        List<JsonNode> objects = render(chart, values);
        assertValid(name, objects);
        options(config, objects);
    }

    /** The optional features: present exactly when on, and shaped as they promise. */
    private static void options(AppConfig config, List<JsonNode> objects) {
        var policies = objects.stream().filter(o -> o.path("kind").asString().equals("NetworkPolicy")).toList();
        assertThat(policies).hasSize(config.networkPolicy().enabled() ? 1 : 0);
        for (JsonNode policy : policies) {
            var allowed = policy.at("/spec/ingress");
            boolean anySource = !config.networkPolicy().ingressNamespace().isEmpty()
                    || !config.networkPolicy().allowFrom().isEmpty();
            assertThat(allowed.size()).as("no rule at all means no traffic").isEqualTo(anySource ? 1 : 0);
            assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1instance").asString())
                    .isEqualTo("web-app");
            if (!config.networkPolicy().allowFrom().isEmpty()) {
                var projects = new ArrayList<String>();
                allowed.get(0).path("from").forEach(from -> from.at("/podSelector/matchExpressions/0/values")
                        .forEach(value -> projects.add(value.asString())));
                assertThat(projects).containsExactlyElementsOf(config.networkPolicy().allowFrom());
            }
        }

        var externalSecrets = objects.stream().filter(o -> o.path("kind").asString().equals("ExternalSecret")).toList();
        var referenced = new java.util.TreeSet<>(config.secretRefs());
        config.secretEnv().forEach(ref -> referenced.add(ref.secretName()));
        assertThat(externalSecrets).extracting(o -> o.at("/metadata/name").asString())
                .containsExactlyInAnyOrderElementsOf(config.externalSecrets().enabled() ? referenced : List.of());
        for (JsonNode external : externalSecrets) {
            String secret = external.at("/metadata/name").asString();
            assertThat(external.at("/spec/target/name").asString()).isEqualTo(secret);
            assertThat(external.at("/spec/secretStoreRef/name").asString()).isEqualTo(config.externalSecrets().store());
            assertThat(external.at("/spec/secretStoreRef/kind").asString()).isEqualTo("ClusterSecretStore");
            assertThat(external.at("/spec/dataFrom/0/extract/key").asString())
                    .isEqualTo(config.externalSecrets().keyPrefix() + secret);
        }

        var deployments = objects.stream().filter(o -> o.path("kind").asString().equals("Deployment")).toList();
        assertThat(deployments).hasSize(config.worker().enabled() ? 2 : 1);
        var service = objects.stream().filter(o -> o.path("kind").asString().equals("Service")).findFirst()
                .orElseThrow();
        var expectedPorts = new ArrayList<String>(List.of("http=" + PROJECT.containerPort()));
        config.extraPorts().forEach((portName, number) -> expectedPorts.add(portName + "=" + number));
        var containerPorts = new ArrayList<String>();
        deployments.stream().filter(d -> !d.at("/metadata/name").asString().endsWith("-worker")).findFirst()
                .orElseThrow().at("/spec/template/spec/containers/0/ports").forEach(port -> containerPorts.add(
                        port.path("name").asString() + "=" + port.path("containerPort").asInt()));
        assertThat(containerPorts).containsExactlyInAnyOrderElementsOf(expectedPorts);
        var servicePorts = new ArrayList<String>();
        service.at("/spec/ports").forEach(port -> servicePorts.add(port.path("targetPort").asString()));
        assertThat(servicePorts).containsExactlyInAnyOrderElementsOf(expectedPorts.stream()
                .map(p -> p.substring(0, p.indexOf('='))).toList());
        for (JsonNode deployment : deployments) {
            boolean worker = deployment.at("/metadata/name").asString().endsWith("-worker");
            var podLabels = deployment.at("/spec/template/metadata/labels");
            boolean serviceSelects = true;
            for (var selector : service.at("/spec/selector").properties()) {
                serviceSelects &= selector.getValue().asString().equals(podLabels.path(selector.getKey()).asString());
            }
            assertThat(serviceSelects).as("the Service sends traffic to the app's pods, never the worker's")
                    .isEqualTo(!worker);
            if (worker) {
                var container = deployment.at("/spec/template/spec/containers/0");
                var command = new ArrayList<String>();
                container.path("command").forEach(part -> command.add(part.asString()));
                assertThat(command).containsExactlyElementsOf(config.worker().command());
                assertThat(container.has("readinessProbe") || container.has("livenessProbe") || container.has("ports"))
                        .isFalse();
                assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(config.worker().replicas());
            }
        }
    }

    /** Guards the checks above against passing vacuously: the validator does see a broken object. */
    @org.junit.jupiter.api.Test
    void the_schema_check_catches_an_invalid_deployment() {
        JsonNode broken = YAMLMapper.builder().build().readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: "three"
                  template: {spec: {containers: [{name: app, image: x, bogusField: 1}]}}
                """);

        assertThat(SchemaValidator.kubernetesErrors(broken)).anyMatch(e -> e.contains("/spec/replicas"))
                .anyMatch(e -> e.contains("bogusField")).anyMatch(e -> e.contains("selector"));
    }

    /** The same for the ExternalSecret fixture: a wrong store kind, a misspelt field, a missing remote key. */
    @org.junit.jupiter.api.Test
    void the_external_secret_schema_catches_an_invalid_object() {
        JsonNode broken = YAMLMapper.builder().build().readTree("""
                apiVersion: external-secrets.io/v1
                kind: ExternalSecret
                metadata: {name: db}
                spec:
                  secretStoreRef: {kind: VaultStore, name: vault}
                  targt: {name: db}
                  dataFrom: [{extract: {property: x}}]
                """);

        assertThat(SchemaValidator.crdErrors(broken, "external-secrets-externalsecret-v1.yaml", "v1"))
                .anyMatch(e -> e.contains("/spec/secretStoreRef/kind")).anyMatch(e -> e.contains("targt"))
                .anyMatch(e -> e.contains("key"));
    }

    private Path writeChart(AppConfig config) throws IOException {
        Path chart = dir.resolve("web-app");
        for (var file : new ChartGenerator().chart(PROJECT, config.imageTag()).entrySet()) {
            Path target = chart.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return chart;
    }

    private static List<JsonNode> render(Path chart, Path values) throws IOException {
        return Helm.objects(chart, values, "web-app", "web-app-dev");
    }

    /** Each object against its schema: Kubernetes 1.32, or the ExternalSecret fixture. */
    static void assertValid(String name, List<JsonNode> objects) {
        for (JsonNode object : objects) {
            assertThat(object.path("kind").asString().equals("ExternalSecret")
                    ? SchemaValidator.crdErrors(object, "external-secrets-externalsecret-v1.yaml", "v1")
                    : SchemaValidator.kubernetesErrors(object))
                    .as(object.path("kind").asString() + " in '" + name + "'").isEmpty();
        }
    }

    private static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asString()).toList();
    }
}
