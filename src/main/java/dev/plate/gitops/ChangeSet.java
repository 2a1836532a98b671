package dev.plate.gitops;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One user action's files: written (path → content) and deleted, with the commit message and its author.
 * Paths are relative to the repository root and use '/'.
 *
 * @param expected files the change was computed from, by their content as read then: if a commit lands in between
 *     (another instance, a push from outside) and one of them is no longer so, the change is refused with
 *     {@link ChangedMeanwhileException} rather than written over it
 */
public record ChangeSet(String message, Author author, Map<String, byte[]> writes, Set<String> deletes,
        Map<String, Optional<byte[]>> expected) {

    public ChangeSet {
        writes = new TreeMap<>(writes);
        deletes = Set.copyOf(deletes);
        expected = Map.copyOf(expected);
        writes.keySet().forEach(ChangeSet::checkPath);
        deletes.forEach(ChangeSet::checkPath);
    }

    public ChangeSet(String message, Author author, Map<String, byte[]> writes, Set<String> deletes) {
        this(message, author, writes, deletes, Map.of());
    }

    /** The same change, valid only while {@code path} holds {@code content} as read (empty: no such file). */
    public ChangeSet expecting(String path, Optional<byte[]> content) {
        var more = new java.util.HashMap<>(expected);
        more.put(path, content);
        return new ChangeSet(message, author, writes, deletes, more);
    }

    public static ChangeSet writing(String message, Author author, Map<String, byte[]> writes) {
        return new ChangeSet(message, author, writes, Set.of());
    }

    /** Paths come from validated names, but a traversal here would write outside the repository: refuse. */
    private static void checkPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")
                || path.startsWith(".git/") || path.equals(".git")) {
            throw new IllegalArgumentException("Not a safe repository path: " + path);
        }
    }

    /** The person on whose behalf Plate commits. */
    public record Author(String name, String email) {}
}
