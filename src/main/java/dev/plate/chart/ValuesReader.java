package dev.plate.chart;

import dev.plate.base.OrderedYaml;
import dev.plate.base.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The inverse of {@link ValuesWriter}: an environment's {@code values.yaml} back into the {@link AppConfig} that
 * wrote it (through the same {@link ChartValues}), for building a change on what Git holds and for rebuilding
 * Plate's database from the config repository. The result is checked by {@link AppConfigRules} like any other
 * configuration.
 */
public final class ValuesReader {

    /** A key Plate does not write (an outside edit, an older or newer Plate) is no reason to refuse the file. */
    /** A single value where a list belongs (`command: sh`) is taken as a list of one. */
    private static final tools.jackson.databind.ObjectMapper LENIENT = OrderedYaml.MAPPER.rebuild()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(tools.jackson.databind.DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY).build();
    private static final tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>> SECTION =
            new tools.jackson.core.type.TypeReference<>() {};

    private ValuesReader() {}

    /** The image repository and port a values file names, for a project that has no project.yaml. */
    public static ProjectChart project(String name, byte[] values, List<ChartDependency> dependencies) {
        var bound = bind(name, parse(name, values));
        return new ProjectChart(name, bound.image() == null || bound.image().repository() == null ? ""
                : bound.image().repository(), bound.containerPort() == null ? 0 : bound.containerPort(), dependencies);
    }

    public static AppConfig read(ProjectChart project, byte[] values) {
        JsonNode root = parse(project.name(), values);
        var addons = new TreeMap<String, AppConfig.Addon>();
        for (var dependency : project.dependencies()) {
            JsonNode section = root.path(dependency.name());
            if (section.isObject()) {
                ChartValues.addon(LENIENT.convertValue(section, SECTION)).ifPresent(addon -> addons.put(
                        dependency.name(), addon));
            }
        }
        return AppConfigRules.validate(project, bind(project.name(), root).config(addons));
    }

    private static ChartValues bind(String name, JsonNode root) {
        try {
            return LENIENT.treeToValue(root, ChartValues.class);
        } catch (JacksonException e) {
            String at = String.join(".", e.getPath().stream().map(step -> step.getPropertyName() != null
                    ? step.getPropertyName() : String.valueOf(step.getIndex())).toList());
            throw new ValidationException("values", "The values file of " + name + " does not hold what Plate's chart "
                    + "reads" + (at.isEmpty() ? "" : " at " + at) + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode parse(String name, byte[] values) {
        try {
            JsonNode root = OrderedYaml.MAPPER.readTree(values);
            if (root == null || !root.isObject()) {
                throw new ValidationException("values", "The values file of " + name + " is not a YAML mapping.");
            }
            return root;
        } catch (JacksonException e) {
            throw new ValidationException("values", "The values file of " + name + " is not valid YAML: "
                    + e.getOriginalMessage());
        }
    }
}
