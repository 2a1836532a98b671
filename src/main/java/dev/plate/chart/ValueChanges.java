package dev.plate.chart;

import dev.plate.base.ValidationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies {@code --set KEY=VALUE} / {@code --unset KEY} changes — the CLI's and the API's way to change a value
 * without sending the whole configuration, and the configuration form's — to an environment's {@link AppConfig}.
 * Keys name fields of the configuration as {@code values.yaml} names them, not raw chart values, so a change can only
 * produce a configuration that {@link AppConfigRules} then checks as a whole; a value is always taken as a literal
 * string. One table ({@link #FIELDS}) says where each key lives in the configuration's JSON form
 * ({@link AppConfigJson}), what a value reads as, and what unsetting it returns to; changes are made on that form and
 * read back as an {@link AppConfig}.
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
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a value reads as. */
    private enum Kind { TEXT, NUMBER, SWITCH, NAMES, WORDS }

    /**
     * One value: its place in the configuration's JSON form, and what unsetting it leaves — the value a new
     * configuration has ({@link AppConfig#initial}) unless given here. Probes cannot be unset.
     */
    private record Field(String path, Kind kind, Optional<JsonNode> unsetTo, boolean unsettable) {

        Field(String path, Kind kind) {
            this(path, kind, Optional.empty(), true);
        }

        static Field unsetTo(String path, String value) {
            return new Field(path, Kind.TEXT, Optional.of(NODES.stringNode(value)), true);
        }

        static Field fixed(String path, Kind kind) {
            return new Field(path, kind, Optional.empty(), false);
        }
    }

    private static final Map<String, Field> FIELDS = fields();

    /** Keys that take a name after their prefix ({@code env.LOG_LEVEL}): where the named entries live. */
    private static final Map<String, Field> NAMED = Map.of("env.", new Field("env", Kind.TEXT),
            "labels.", new Field("labels", Kind.TEXT), "annotations.", new Field("annotations", Kind.TEXT),
            "ports.", new Field("extraPorts", Kind.NUMBER));

    private static Map<String, Field> fields() {
        var fields = new LinkedHashMap<String, Field>();
        fields.put("replicas", new Field("replicas", Kind.NUMBER));
        fields.put("secretRefs", new Field("secretRefs", Kind.NAMES));
        fields.put("resources.requests.cpu", new Field("resources.cpuRequest", Kind.TEXT));
        fields.put("resources.requests.memory", new Field("resources.memoryRequest", Kind.TEXT));
        fields.put("resources.limits.cpu", new Field("resources.cpuLimit", Kind.TEXT));
        // Unset, no memory limit (the chart's default limits memory; a new configuration keeps that).
        fields.put("resources.limits.memory", Field.unsetTo("resources.memoryLimit", ""));
        fields.put("ingress.enabled", new Field("ingress.enabled", Kind.SWITCH));
        fields.put("ingress.host", new Field("ingress.host", Kind.TEXT));
        fields.put("ingress.tlsSecret", new Field("ingress.tlsSecretName", Kind.TEXT));
        fields.put("ingress.className", new Field("ingress.className", Kind.TEXT));
        fields.put("probes.path", Field.fixed("probes.path", Kind.TEXT));
        fields.put("probes.readiness", Field.fixed("probes.readiness", Kind.SWITCH));
        fields.put("probes.liveness", Field.fixed("probes.liveness", Kind.SWITCH));
        fields.put("autoscaling.enabled", new Field("autoscaling.enabled", Kind.SWITCH));
        fields.put("autoscaling.minReplicas", new Field("autoscaling.minReplicas", Kind.NUMBER));
        fields.put("autoscaling.maxReplicas", new Field("autoscaling.maxReplicas", Kind.NUMBER));
        fields.put("autoscaling.targetCPUPercent", new Field("autoscaling.targetCpuPercent", Kind.NUMBER));
        fields.put("networkPolicy.enabled", new Field("networkPolicy.enabled", Kind.SWITCH));
        fields.put("networkPolicy.ingressNamespace", Field.unsetTo("networkPolicy.ingressNamespace", ""));
        fields.put("networkPolicy.allowFrom", new Field("networkPolicy.allowFrom", Kind.NAMES));
        fields.put("externalSecrets.enabled", new Field("externalSecrets.enabled", Kind.SWITCH));
        fields.put("externalSecrets.store", new Field("externalSecrets.store", Kind.TEXT));
        fields.put("externalSecrets.keyPrefix", new Field("externalSecrets.keyPrefix", Kind.TEXT));
        fields.put("worker.enabled", new Field("worker.enabled", Kind.SWITCH));
        fields.put("worker.command", new Field("worker.command", Kind.WORDS));
        fields.put("worker.replicas", new Field("worker.replicas", Kind.NUMBER));
        return fields;
    }

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
        return AppConfigJson.of(draft.tree);
    }

    /** A single value as {@code --set} writes it ({@code replicas} → "2", {@code secretRefs} → "db, api"). */
    public static String valueOf(AppConfig config, String key) {
        Field field = FIELDS.get(key);
        if (field == null) {
            throw new IllegalArgumentException(key + " is not a single value");
        }
        JsonNode node = at(AppConfigJson.tree(config), field.path());
        return switch (field.kind()) {
            case NAMES -> String.join(", ", node.valueStream().map(JsonNode::asString).toList());
            case WORDS -> String.join(" ", node.valueStream().map(JsonNode::asString).toList());
            default -> node.asString();
        };
    }

    /**
     * The field of {@link AppConfig} a key sets, as {@link AppConfigRules} names it in a refusal
     * ({@code resources.requests.cpu} → {@code resources.cpuRequest}).
     */
    public static String fieldOf(String key) {
        Field field = FIELDS.get(key);
        if (field == null) {
            throw new IllegalArgumentException(key + " is not a single value");
        }
        return field.path();
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    /** The configuration's JSON form, changed in place. */
    private static final class Draft {
        private final ObjectNode tree;
        private final JsonNode initial;

        Draft(AppConfig config) {
            tree = AppConfigJson.tree(config);
            initial = AppConfigJson.tree(AppConfig.initial(config.imageTag(), config.probes().path()));
        }

        void set(String key, String value) {
            String field = "set." + KubernetesNames.printable(key);
            if (addonKey(key, field) instanceof String[] addon) {
                setAddon(addon, value, field);
            } else if (named(key, field) instanceof Map.Entry<String, Field> entry) {
                object(entry.getValue().path()).set(entry.getKey(), parse(entry.getValue().kind(), value, field));
            } else if (name(key, "secretEnv.", field) instanceof String name) {
                setSecretEnv(key, name, value, field);
            } else if (FIELDS.get(key) instanceof Field known) {
                put(known.path(), parse(known.kind(), value, field));
            } else {
                throw unknown(key, field);
            }
        }

        void unset(String key) {
            String field = "unset." + KubernetesNames.printable(key);
            if (addonKey(key, field) instanceof String[] addon) {
                unsetAddon(addon, key, field);
            } else if (named(key, field) instanceof Map.Entry<String, Field> entry) {
                removeExisting(object(entry.getValue().path()), entry.getKey(), key, field);
            } else if (name(key, "secretEnv.", field) instanceof String name) {
                ArrayNode refs = array("secretEnv");
                int index = indexOf(refs, name);
                if (index < 0) {
                    throw notSet(key, field);
                }
                refs.remove(index);
            } else if (FIELDS.get(key) instanceof Field known) {
                if (!known.unsettable()) {
                    throw new ValidationException(field,
                            "Probes cannot be unset; set probes.readiness=false or probes.liveness=false instead.");
                }
                put(known.path(), known.unsetTo().orElseGet(() -> at(initial, known.path()).deepCopy()));
            } else {
                throw unknown(key, field);
            }
        }

        private void setAddon(String[] addon, String value, String field) {
            if (addon[1].isEmpty()) {
                throw new ValidationException(field, "Set addons." + addon[0] + ".enabled or addons." + addon[0]
                        + ".values.<path>.");
            }
            ObjectNode section = object("addons").has(addon[0]) ? object("addons." + addon[0])
                    : object("addons").putObject(addon[0]).put("enabled", false);
            if (!section.has("values")) {
                section.putObject("values");
            }
            if (addon[1].equals("enabled")) {
                section.put("enabled", bool(field, value));
            } else {
                ((ObjectNode) section.get("values")).put(addon[1].substring("values.".length()), value);
            }
        }

        private void unsetAddon(String[] addon, String key, String field) {
            ObjectNode addons = object("addons");
            if (!addons.has(addon[0])) {
                throw new ValidationException(field, "Add-on " + addon[0] + " has no settings here to unset.");
            }
            if (addon[1].isEmpty()) {
                addons.remove(addon[0]);
            } else if (addon[1].equals("enabled")) {
                ((ObjectNode) addons.get(addon[0])).put("enabled", false);
            } else {
                removeExisting((ObjectNode) addons.get(addon[0]).get("values"),
                        addon[1].substring("values.".length()), key, field);
            }
        }

        /** Replaced where it is, else added last: the file keeps the order it has. */
        private void setSecretEnv(String key, String name, String value, String field) {
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new ValidationException(field, "Give the Secret and its key as <secret>:<key>, e.g. "
                        + key + "=db-credentials:password.");
            }
            ObjectNode ref = NODES.objectNode().put("name", name).put("secretName", value.substring(0, colon))
                    .put("key", value.substring(colon + 1));
            ArrayNode refs = array("secretEnv");
            int index = indexOf(refs, name);
            if (index < 0) {
                refs.add(ref);
            } else {
                refs.set(index, ref);
            }
        }

        private static int indexOf(ArrayNode refs, String name) {
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i).path("name").asString().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private ObjectNode object(String path) {
            return (ObjectNode) at(tree, path);
        }

        private ArrayNode array(String path) {
            return (ArrayNode) at(tree, path);
        }

        private void put(String path, JsonNode value) {
            int dot = path.lastIndexOf('.');
            ObjectNode parent = dot < 0 ? tree : object(path.substring(0, dot));
            parent.set(path.substring(dot + 1), value);
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

        /** For a key with a name after one of {@link #NAMED}'s prefixes: the name and where it lives. */
        private static Map.Entry<String, Field> named(String key, String field) {
            for (var prefix : List.of("ports.", "env.", "labels.", "annotations.")) {
                if (name(key, prefix, field) instanceof String name) {
                    return Map.entry(name, NAMED.get(prefix));
                }
            }
            return null;
        }

        /** The name after {@code prefix}, or null when the key has another prefix. */
        private static String name(String key, String prefix, String field) {
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

        private static void removeExisting(ObjectNode map, String name, String key, String field) {
            if (map.remove(name) == null) {
                throw notSet(key, field);
            }
        }

        private static ValidationException notSet(String key, String field) {
            return new ValidationException(field, "'" + key + "' is not set, so it cannot be unset.");
        }

        private static JsonNode parse(Kind kind, String value, String field) {
            return switch (kind) {
                case TEXT -> NODES.stringNode(value);
                case NUMBER -> NODES.numberNode(integer(field, value));
                case SWITCH -> NODES.booleanNode(bool(field, value));
                case NAMES -> strings(value.isBlank() ? List.of()
                        : List.of(value.split(",", -1)).stream().map(String::strip).toList());
                case WORDS -> strings(value.isBlank() ? List.of() : List.of(value.strip().split("\\s+")));
            };
        }

        private static ArrayNode strings(List<String> values) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(array::add);
            return array;
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
