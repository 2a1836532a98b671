package dev.plate.settings;

import java.util.Map;
import java.util.Optional;

/**
 * Integration settings an admin saves in the browser (cluster connection, Gitea), stored in the database so
 * every instance sees the same. Secrets are sealed with {@link SecretBox} before they are written and are
 * never shown again; callers read them back only to use them.
 */
public interface Settings {

    /** The value, opened if it was sealed. */
    Optional<String> get(String name);

    /**
     * Stores the value unless the setting exists already, and returns the one that is stored: several
     * instances generating a value at once all end up with the first one written.
     */
    String putIfAbsent(String name, String value, boolean secret, String actor);

    /** The names of the settings that start with {@code prefix}, sorted. */
    java.util.List<String> names(String prefix);

    /** When a setting whose name starts with {@code prefix} last changed (another instance may have saved it). */
    Optional<java.time.Instant> lastChanged(String prefix);

    /**
     * Writes several settings in one transaction. A present value replaces, an empty one removes; names in
     * {@code secrets} are sealed.
     */
    void put(Map<String, Optional<String>> values, java.util.Set<String> secrets, String actor);
}
