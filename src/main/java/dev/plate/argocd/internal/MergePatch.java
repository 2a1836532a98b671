package dev.plate.argocd.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an RFC 7386 JSON merge patch that turns one object into another: changed keys carry the new value,
 * keys that are gone carry null (so a switch from automatic to manual sync really removes {@code automated}).
 */
final class MergePatch {

    private MergePatch() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> diff(Map<String, Object> from, Map<String, Object> to) {
        var patch = new LinkedHashMap<String, Object>();
        Map<String, Object> before = from == null ? Map.of() : from;
        for (var entry : to.entrySet()) {
            Object old = before.get(entry.getKey());
            Object now = entry.getValue();
            if (now instanceof Map<?, ?> nowMap && old instanceof Map<?, ?> oldMap) {
                var nested = diff((Map<String, Object>) oldMap, (Map<String, Object>) nowMap);
                if (!nested.isEmpty()) {
                    patch.put(entry.getKey(), nested);
                }
            } else if (!Objects.equals(old, now)) {
                patch.put(entry.getKey(), now);
            }
        }
        for (String key : before.keySet()) {
            if (!to.containsKey(key)) {
                patch.put(key, null);
            }
        }
        return patch;
    }
}
