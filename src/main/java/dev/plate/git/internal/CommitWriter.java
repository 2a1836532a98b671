package dev.plate.git.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.GitException;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** Builds one commit from a change on top of a parent, from objects only, and moves a branch to it. */
final class CommitWriter {

    private CommitWriter() {}

    /** The new commit, or empty when the change leaves the parent's tree as it is. */
    static Optional<ObjectId> build(Repository repository, ObjectId parent, ChangeSet change, Clock clock)
            throws IOException {
        try (var inserter = repository.newObjectInserter(); var reader = repository.newObjectReader();
                var walk = new RevWalk(reader)) {
            ObjectId baseTree = parent == null ? null : walk.parseCommit(parent).getTree();
            requireExpected(reader, baseTree, change);
            var blobs = new LinkedHashMap<String, ObjectId>();
            for (var write : change.writes().entrySet()) {
                blobs.put(write.getKey(), inserter.insert(Constants.OBJ_BLOB, write.getValue()));
            }
            change.deletes().forEach(path -> blobs.put(path, null));
            ObjectId tree = new TreeUpdater(reader, inserter).update(baseTree, blobs);
            if (tree == null) {
                throw new GitException("Refusing to commit an empty repository: \"" + change.message() + "\"", null);
            }
            if (tree.equals(baseTree)) {
                return Optional.empty();
            }
            var commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(new PersonIdent(change.author().name(), change.author().email(), clock.instant(),
                    clock.getZone()));
            commit.setCommitter(new PersonIdent("Plate", "plate@localhost", clock.instant(), clock.getZone()));
            commit.setMessage(change.message());
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return Optional.of(id);
        }
    }

    /** Each file the change was computed from must still hold what was read then. */
    private static void requireExpected(org.eclipse.jgit.lib.ObjectReader reader, ObjectId baseTree, ChangeSet change)
            throws IOException {
        var formatter = new org.eclipse.jgit.lib.ObjectInserter.Formatter();
        for (var expected : change.expected().entrySet()) {
            ObjectId now = null;
            if (baseTree != null) {
                try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(reader, expected.getKey(), baseTree)) {
                    now = walk == null ? null : walk.getObjectId(0);
                }
            }
            ObjectId then = expected.getValue().map(bytes -> formatter.idFor(Constants.OBJ_BLOB, bytes)).orElse(null);
            if (!java.util.Objects.equals(now, then)) {
                throw new dev.plate.gitops.ChangedMeanwhileException(expected.getKey());
            }
        }
    }

    /** Compare-and-swap: false when the branch no longer points at {@code expected}. */
    static boolean moveBranch(Repository repository, String branch, ObjectId expected, ObjectId commit)
            throws IOException {
        return moveBranch(repository, branch, expected, commit, false);
    }

    /** Puts a branch back where it was, even though that is backwards; still only if nobody moved it since. */
    static boolean resetBranch(Repository repository, String branch, ObjectId expected, ObjectId target)
            throws IOException {
        return moveBranch(repository, branch, expected, target, true);
    }

    /** Removes a branch (taking back a first commit whose push failed). */
    static void deleteBranch(Repository repository, String branch) throws IOException {
        RefUpdate update = repository.updateRef(branch);
        update.setForceUpdate(true);
        update.delete();
    }

    private static boolean moveBranch(Repository repository, String branch, ObjectId expected, ObjectId commit,
            boolean force) throws IOException {
        RefUpdate update = repository.updateRef(branch);
        update.setForceUpdate(force);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(commit);
        update.setRefLogMessage("plate commit", false);
        RefUpdate.Result result = update.update();
        return switch (result) {
            case NEW, FAST_FORWARD, FORCED -> true;
            case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH -> false;
            default -> throw new GitException("Could not move " + branch + ": " + result, null);
        };
    }
}
