package dev.plate.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.support.Helm;
import dev.plate.support.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Plate's own chart ({@code deploy/helm/plate}), as an operator installs it: linted and rendered with the real
 * helm with its optional features on and off, every object validated (Kubernetes 1.32 schemas; RBAC and
 * ServiceMonitor against fixtures written from their APIs), and settings that cannot work refused by helm
 * with a message saying what to set.
 */
class PlateChartTest {

    static final Path CHART = Path.of("deploy", "helm", "plate");
    static final Map<String, Object> REQUIRED = Map.of("database", Map.of("existingSecret", "plate-db"),
            "encryptionKey", Map.of("existingSecret", "plate-encryption"));

    @TempDir
    Path dir;

    static Stream<Arguments> installations() {
        var single = merge(REQUIRED, Map.of("replicaCount", 1, "persistence", Map.of("enabled", true)));
        var gitea = merge(REQUIRED, Map.of("gitea", Map.of("url", "https://gitea.example.com", "organisation",
                "platform", "existingSecret", "plate-gitea", "readUsername", "argocd-reader")));
        var everything = merge(REQUIRED, Map.of("replicaCount", 3,
                "persistence", Map.of("enabled", true, "accessModes", List.of("ReadWriteMany"), "storageClassName",
                        "nfs"),
                "ingress", Map.of("enabled", true, "className", "nginx", "host", "plate.acme.io", "tlsSecretName",
                        "plate-tls", "annotations", Map.of("cert-manager.io/cluster-issuer", "letsencrypt")),
                "serviceMonitor", Map.of("enabled", true, "labels", Map.of("release", "prometheus")),
                "adminPassword", Map.of("existingSecret", "plate-admin"),
                "argocd", Map.of("namespace", "gitops", "serverUrl", "https://argocd.acme.io", "gogsWebhookSecret",
                        Map.of("existingSecret", "argocd-webhook"), "token", Map.of("existingSecret", "argocd-token"),
                        "serverCa", Map.of("configMap", "acme-ca")),
                "javaToolOptions", "-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError",
                "env", List.of(Map.of("name", "PLATE_ARGOCD_DEPLOYMENT_TIMEOUT", "value", "15m"))));
        return Stream.of(Arguments.of("one replica, defaults", single),
                Arguments.of("two replicas on Gitea", gitea),
                Arguments.of("everything on", everything));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("installations")
    void the_chart_lints_renders_and_every_object_validates(String name, Map<String, Object> values)
            throws IOException {
        Path file = values(values);
        Helm.lint(CHART, file);
        var objects = Helm.objects(CHART, file, "plate", "plate-system");
        for (JsonNode object : objects) {
            String kind = object.path("kind").asString();
            var errors = switch (kind) {
                case "Role" -> SchemaValidator.crdErrors(object, "rbac-v1.yaml", "role");
                case "RoleBinding" -> SchemaValidator.crdErrors(object, "rbac-v1.yaml", "rolebinding");
                case "ServiceMonitor" -> SchemaValidator.crdErrors(object, "monitoring-servicemonitor-v1.yaml", "v1");
                default -> SchemaValidator.kubernetesErrors(object);
            };
            assertThat(errors).as(kind + " in '" + name + "'").isEmpty();
        }
        int replicas = (int) values.getOrDefault("replicaCount", 2);
        assertThat(kinds(objects)).contains("Deployment", "Service", "ServiceAccount", "Role", "RoleBinding");
        assertThat(kinds(objects).contains("PodDisruptionBudget")).isEqualTo(replicas > 1);
        assertThat(kinds(objects).contains("Ingress")).isEqualTo(values.containsKey("ingress"));
        assertThat(kinds(objects).contains("ServiceMonitor")).isEqualTo(values.containsKey("serviceMonitor"));
        assertThat(kinds(objects).contains("PersistentVolumeClaim")).isEqualTo(values.containsKey("persistence"));

        JsonNode deployment = one(objects, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(replicas);
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        var env = new java.util.HashMap<String, JsonNode>();
        container.path("env").forEach(e -> env.put(e.path("name").asString(), e));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asString())
                .isEqualTo("plate-db");
        assertThat(env.get("PLATE_ENCRYPTION_KEY").at("/valueFrom/secretKeyRef/name").asString())
                .isEqualTo("plate-encryption");
        assertThat(env).as("no secret value is ever inlined").allSatisfy((key, e) -> {
            if (key.contains("PASSWORD") || key.contains("TOKEN") || key.contains("KEY") || key.contains("SECRET")) {
                assertThat(e.has("value")).as(key).isFalse();
            }
        });
        assertThat(env.get("PLATE_ARGOCD_IN_CLUSTER").path("value").asString()).isEqualTo("true");
        String javaOptions = env.get("JAVA_TOOL_OPTIONS").path("value").asString();
        assertThat(javaOptions).as("the image's AOT flags are not in what this replaces").doesNotContain("AOTCache");
        assertThat(javaOptions).as("the operator's own, else the heap at 60 % and C1 only (ADR 0022)").isEqualTo(
                values.getOrDefault("javaToolOptions",
                        "-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1"));

        // RBAC: only Argo CD's objects and the one repository Secret, in Argo CD's namespace.
        JsonNode role = one(objects, "Role");
        String argocdNamespace = name.equals("everything on") ? "gitops" : "argocd";
        assertThat(role.at("/metadata/namespace").asString()).isEqualTo(argocdNamespace);
        var rules = new ArrayList<String>();
        role.path("rules").forEach(rule -> rules.add(rule.path("resources").toString() + rule.path("resourceNames")
                + rule.path("verbs")));
        assertThat(rules).containsExactly(
                "[\"applications\",\"appprojects\"][\"get\",\"list\",\"watch\",\"create\",\"patch\",\"delete\"]",
                "[\"secrets\"][\"create\"]",
                "[\"secrets\"][\"plate-config-repository\"][\"get\",\"update\",\"delete\"]");
        assertThat(one(objects, "RoleBinding").at("/subjects/0/namespace").asString()).isEqualTo("plate-system");

        if (name.equals("everything on")) { // Argo CD's API server: token from a Secret, its CA from a ConfigMap
            assertThat(env.get("PLATE_ARGOCD_TOKEN").at("/valueFrom/secretKeyRef/name").asString())
                    .isEqualTo("argocd-token");
            String caFile = env.get("PLATE_ARGOCD_SERVER_CA_FILE").path("value").asString();
            assertThat(caFile).isEqualTo("/etc/plate/argocd-ca/ca.crt");
            assertThat(pod.path("volumes").toString()).contains("\"name\":\"acme-ca\"");
            assertThat(container.path("volumeMounts").toString()).contains("/etc/plate/argocd-ca");
        } else {
            assertThat(env).doesNotContainKeys("PLATE_ARGOCD_TOKEN", "PLATE_ARGOCD_SERVER_CA_FILE");
        }
        if (values.containsKey("ingress")) {
            assertThat(one(objects, "Ingress").at("/spec/tls/0/secretName").asString()).isEqualTo("plate-tls");
            assertThat(env.get("PLATE_GIT_PUBLIC_URL").path("value").asString()).isEqualTo("https://plate.acme.io");
        }
    }

    @Test
    void settings_that_cannot_work_are_refused_with_what_to_set() throws IOException {
        assertThatThrownBy(() -> Helm.template(CHART, values(Map.of("encryptionKey", Map.of("existingSecret", "k"))),
                "plate", "plate-system")).hasMessageContaining("Set database.existingSecret");
        assertThatThrownBy(() -> Helm.template(CHART, values(Map.of("database", Map.of("existingSecret", "db"))),
                "plate", "plate-system")).hasMessageContaining("Set encryptionKey.existingSecret");
        assertThatThrownBy(() -> Helm.template(CHART, values(merge(REQUIRED, Map.of("persistence",
                Map.of("enabled", true)))), "plate", "plate-system"))
                .as("two replicas, embedded Git server, no shared volume")
                .hasMessageContaining("ReadWriteMany");
        assertThatThrownBy(() -> Helm.template(CHART, values(merge(REQUIRED, Map.of("replicaCount", 1))), "plate",
                "plate-system")).as("the config repository's only copy on an emptyDir")
                .hasMessageContaining("set persistence.enabled=true");
        assertThatThrownBy(() -> Helm.template(CHART, values(merge(REQUIRED, Map.of("gitea",
                Map.of("url", "https://gitea.example.com")))), "plate", "plate-system"))
                .hasMessageContaining("Set gitea.existingSecret");
    }

    /** The RBAC fixture does refuse what the API server would. */
    @Test
    void the_rbac_fixture_catches_an_invalid_role() {
        JsonNode role = YAMLMapper.builder().build().readTree("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: x}
                rules: [{resources: [secrets], verbs: [destroy]}, {resources: [pods]}]
                """);
        assertThat(SchemaValidator.crdErrors(role, "rbac-v1.yaml", "role")).anyMatch(e -> e.contains("verbs/0"))
                .anyMatch(e -> e.contains("verbs"));
    }

    private Path values(Map<String, Object> values) throws IOException {
        Path file = Files.createTempFile(dir, "values", ".yaml");
        Files.writeString(file, YAMLMapper.builder().build().writeValueAsString(values));
        return file;
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> more) {
        var merged = new java.util.LinkedHashMap<>(base);
        merged.putAll(more);
        return merged;
    }

    private static JsonNode one(List<JsonNode> objects, String kind) {
        var matching = objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.getFirst();
    }

    private static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asString()).toList();
    }
}
