package dev.plate.support;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates objects against the published schemas in ../shared/contracts: Kubernetes 1.32 kinds and the Argo
 * CD CRDs' openAPIV3Schema.
 */
public final class SchemaValidator {

    private static final Map<String, String> KUBERNETES_FILES = Map.of(
            "Deployment", "deployment-apps-v1.json",
            "Service", "service-v1.json",
            "ConfigMap", "configmap-v1.json",
            "ServiceAccount", "serviceaccount-v1.json",
            "Ingress", "ingress-networking-v1.json",
            "HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2.json",
            "PodDisruptionBudget", "poddisruptionbudget-policy-v1.json",
            "Secret", "secret-v1.json",
            "NetworkPolicy", "networkpolicy-networking-v1.json",
            "PersistentVolumeClaim", "persistentvolumeclaim-v1.json");

    /** Draft 4, with the x-kubernetes-* extension keywords accepted silently rather than logged. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft4())
            .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword)).build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(DIALECT);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private SchemaValidator() {}

    /** The problems found in a Kubernetes object; empty when it is valid. */
    public static List<String> kubernetesErrors(JsonNode object) {
        String kind = object.path("kind").asString();
        String file = KUBERNETES_FILES.get(kind);
        if (file == null) {
            return List.of("no Kubernetes 1.32 schema for kind '" + kind + "'");
        }
        Schema schema = CACHE.computeIfAbsent(file, name -> load(Contracts.kubernetesSchema(name), name));
        return messages(schema.validate(object));
    }

    /** The problems found in an Argo CD object against its CRD's v1alpha1 schema. */
    public static List<String> argoCdErrors(JsonNode object, String crdFile) {
        Schema schema = CACHE.computeIfAbsent(crdFile, name -> {
            JsonNode crd = YAML.readTree(read(Contracts.dir().resolve("argocd").resolve(name)));
            for (JsonNode version : crd.path("spec").path("versions")) {
                if ("v1alpha1".equals(version.path("name").asString())) {
                    return REGISTRY.getSchema(SchemaLocation.of("urn:plate:" + name),
                            version.path("schema").path("openAPIV3Schema"));
                }
            }
            throw new IllegalStateException("No v1alpha1 schema in " + name);
        });
        return messages(schema.validate(object));
    }

    /** The problems found in an object against a CRD fixture of the tests ({@code src/test/resources/crds/}). */
    public static List<String> crdErrors(JsonNode object, String fixture, String version) {
        Schema schema = CACHE.computeIfAbsent("fixture:" + fixture + "#" + version, name -> {
            try (var in = SchemaValidator.class.getResourceAsStream("/crds/" + fixture)) {
                JsonNode crd = YAML.readTree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                for (JsonNode candidate : crd.path("spec").path("versions")) {
                    if (version.equals(candidate.path("name").asString())) {
                        return REGISTRY.getSchema(SchemaLocation.of("urn:plate:" + fixture + ":" + version),
                                candidate.path("schema").path("openAPIV3Schema"));
                    }
                }
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("Cannot read the CRD fixture " + fixture, e);
            }
            throw new IllegalStateException("No " + version + " schema in " + fixture);
        });
        return messages(schema.validate(object));
    }

    private static Schema load(Path file, String name) {
        var node = (ObjectNode) JSON.readTree(read(file));
        node.remove("$schema"); // "http://json-schema.org/schema#" names no draft; the files are draft-4 style
        return REGISTRY.getSchema(SchemaLocation.of("urn:plate:" + name), node);
    }

    private static List<String> messages(List<com.networknt.schema.Error> errors) {
        return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
