package dev.plate.gitops;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One user action's files: written (path → content) and deleted, with the commit message and its author.
 * Paths are relative to the repository root and use '/'.
 */
public record ChangeSet(String message, Author author, Map<String, byte[]> writes, Set<String> deletes) {

    public ChangeSet {
        writes = new TreeMap<>(writes);
        deletes = Set.copyOf(deletes);
        writes.keySet().forEach(ChangeSet::checkPath);
        deletes.forEach(ChangeSet::checkPath);
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
