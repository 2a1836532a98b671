package dev.plate.git.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Builds a new tree from a base tree and a set of file changes, rewriting only the trees on the changed paths.
 * A deploy touches one file four levels deep, so its cost does not grow with the number of files in the
 * repository (a working tree or a full index would: thousands of files per commit at 1,000 apps).
 */
final class TreeUpdater {

    private final ObjectReader reader;
    private final ObjectInserter inserter;

    TreeUpdater(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
    }

    /**
     * @param base the tree to start from, or null for an empty repository
     * @param changes path → new blob id, or null to delete the path
     * @return the new tree, or null when it is empty
     */
    ObjectId update(ObjectId base, Map<String, ObjectId> changes) throws IOException {
        var entries = read(base);
        var subtrees = new LinkedHashMap<String, Map<String, ObjectId>>();
        for (var change : changes.entrySet()) {
            String path = change.getKey();
            int slash = path.indexOf('/');
            if (slash < 0) {
                if (change.getValue() == null) {
                    entries.remove(path);
                } else {
                    entries.put(path, new Entry(FileMode.REGULAR_FILE, change.getValue()));
                }
            } else {
                subtrees.computeIfAbsent(path.substring(0, slash), dir -> new LinkedHashMap<>())
                        .put(path.substring(slash + 1), change.getValue());
            }
        }
        for (var subtree : subtrees.entrySet()) {
            Entry existing = entries.get(subtree.getKey());
            ObjectId child = update(existing != null && existing.mode() == FileMode.TREE ? existing.id() : null,
                    subtree.getValue());
            if (child == null) {
                entries.remove(subtree.getKey());
            } else {
                entries.put(subtree.getKey(), new Entry(FileMode.TREE, child));
            }
        }
        return write(entries);
    }

    private Map<String, Entry> read(ObjectId tree) throws IOException {
        var entries = new TreeMap<String, Entry>();
        if (tree == null) {
            return entries;
        }
        var parser = new CanonicalTreeParser(null, reader, tree);
        while (!parser.eof()) {
            entries.put(parser.getEntryPathString(), new Entry(parser.getEntryFileMode(), parser.getEntryObjectId()));
            parser.next();
        }
        return entries;
    }

    private ObjectId write(Map<String, Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return null;
        }
        // Git orders tree entries by name, comparing a subtree's name as if it ended in '/'.
        List<Map.Entry<String, Entry>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort((a, b) -> sortKey(a).compareTo(sortKey(b)));
        var formatter = new TreeFormatter();
        for (var entry : sorted) {
            formatter.append(entry.getKey(), entry.getValue().mode(), entry.getValue().id());
        }
        return inserter.insert(Constants.OBJ_TREE, formatter.toByteArray());
    }

    private static String sortKey(Map.Entry<String, Entry> entry) {
        return entry.getValue().mode() == FileMode.TREE ? entry.getKey() + "/" : entry.getKey();
    }

    private record Entry(FileMode mode, ObjectId id) {}
}
