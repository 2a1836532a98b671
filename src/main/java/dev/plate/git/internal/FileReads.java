package dev.plate.git.internal;

import dev.plate.gitops.GitException;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads a branch's head, or one file at one revision, straight from the object database. */
final class FileReads {

    private FileReads() {}

    /** The commit the branch points at, or "" while it has none. */
    static String head(Repository repository, String branch) {
        try {
            ObjectId head = repository.resolve(branch);
            return head == null ? "" : head.name();
        } catch (IOException e) {
            throw new GitException("Could not read the config repository's head: " + e.getMessage(), e);
        }
    }

    static java.util.List<String> children(Repository repository, String revision, String directory) {
        try (var walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                return java.util.List.of();
            }
            try (var treeWalk = TreeWalk.forPath(repository, directory, walk.parseCommit(id).getTree())) {
                if (treeWalk == null || !treeWalk.isSubtree()) {
                    return java.util.List.of();
                }
                var names = new java.util.ArrayList<String>();
                try (var inside = new TreeWalk(repository)) {
                    inside.addTree(treeWalk.getObjectId(0));
                    inside.setRecursive(false);
                    while (inside.next()) {
                        names.add(inside.getNameString());
                    }
                }
                java.util.Collections.sort(names);
                return names;
            }
        } catch (IOException e) {
            throw new GitException("Could not list " + directory + " at " + revision + ": " + e.getMessage(), e);
        }
    }

    static Optional<byte[]> readAt(Repository repository, String revision, String path) {
        try (var walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                return Optional.empty();
            }
            try (var treeWalk = TreeWalk.forPath(repository, path, walk.parseCommit(id).getTree())) {
                // A directory is not a file: its tree object's bytes mean nothing to a caller.
                return treeWalk == null || treeWalk.isSubtree() ? Optional.empty()
                        : Optional.of(repository.open(treeWalk.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new GitException("Could not read " + path + " at " + revision + ": " + e.getMessage(), e);
        }
    }

    /** The branch's commits touching the prefixes, oldest first (a linear history: each against its first parent). */
    static java.util.List<dev.plate.gitops.CommitInfo> history(Repository repository, String branch,
            java.util.Collection<String> prefixes) {
        try (var walk = new RevWalk(repository); var diff = new TreeWalk(repository)) {
            ObjectId head = repository.resolve(branch);
            if (head == null) {
                return java.util.List.of();
            }
            walk.sort(org.eclipse.jgit.revwalk.RevSort.REVERSE);
            walk.markStart(walk.parseCommit(head));
            diff.setRecursive(true);
            diff.setFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
                    org.eclipse.jgit.treewalk.filter.PathFilterGroup.createFromStrings(prefixes),
                    org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
            var result = new java.util.ArrayList<dev.plate.gitops.CommitInfo>();
            for (var commit : walk) {
                diff.reset();
                var parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
                if (parent == null) {
                    diff.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
                } else {
                    diff.addTree(parent.getTree());
                }
                diff.addTree(commit.getTree());
                var changed = new java.util.TreeSet<String>();
                while (diff.next()) {
                    changed.add(diff.getPathString());
                }
                if (!changed.isEmpty()) {
                    var author = commit.getAuthorIdent();
                    result.add(new dev.plate.gitops.CommitInfo(commit.name(), parent == null ? "" : parent.name(),
                            author.getName(), author.getWhenAsInstant(), commit.getFullMessage(),
                            java.util.Set.copyOf(changed)));
                }
            }
            return result;
        } catch (IOException e) {
            throw new GitException("Could not read the history of the config repository: " + e.getMessage(), e);
        }
    }

    static void eachMessage(Repository repository, String branch, java.util.function.Consumer<String> visitor) {
        try (var walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(branch);
            if (head == null) {
                return;
            }
            walk.setRetainBody(true);
            walk.markStart(walk.parseCommit(head));
            for (var commit : walk) {
                visitor.accept(commit.getFullMessage());
            }
        } catch (IOException e) {
            throw new GitException("Could not read the history of the config repository: " + e.getMessage(), e);
        }
    }
}
