package dev.plate.base;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * How Plate writes every YAML file it commits: from data, never by concatenating strings. Strings are always
 * double-quoted (so "0123", "yes", "{{ x }}" or "a: b" stay strings), and maps keep the order they were built
 * in, so a file comes out byte-identical every time (Map.of iterates in a per-JVM random order).
 */
public final class OrderedYaml {

    public static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    private OrderedYaml() {}

    /** A map of the given keys and values, in that order. */
    public static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
