package dev.plate.gitops.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitException;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The embedded server's config repository, written in place: Plate builds each commit from objects (no
 * working tree, only the trees on the changed paths are rewritten) and moves the branch with a
 * compare-and-swap. If the branch moved meanwhile — another thread or another instance sharing the volume —
 * the same change is rebuilt on the new head and tried again, so concurrent changes all land, in order.
 * A crash between writing objects and moving the branch leaves only unreachable objects behind.
 */
class BareConfigRepository implements ConfigRepository {

    static final String BRANCH = "refs/heads/main";
    private static final int MAX_ATTEMPTS = 50;

    private final Repository repository;
    private final String cloneUrl;
    private final Clock clock;
    /** Saves pointless retries between threads of one instance; other instances are handled by the CAS. */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    BareConfigRepository(Repository repository, String cloneUrl, Clock clock) {
        this.repository = repository;
        this.cloneUrl = cloneUrl;
        this.clock = clock;
    }

    @Override
    public CommitResult commit(ChangeSet change) {
        writeLock.lock();
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                var result = tryCommit(change);
                if (result.isPresent()) {
                    return result.get();
                }
            }
            throw new GitException("The config repository kept moving: gave up after " + MAX_ATTEMPTS
                    + " attempts to commit \"" + change.message() + "\"", null);
        } catch (IOException e) {
            throw new GitException("Could not commit \"" + change.message() + "\" to the config repository: "
                    + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Empty when the branch moved while the commit was being built. */
    private Optional<CommitResult> tryCommit(ChangeSet change) throws IOException {
        ObjectId head = repository.resolve(BRANCH);
        try (var inserter = repository.newObjectInserter(); var reader = repository.newObjectReader();
                var walk = new RevWalk(reader)) {
            ObjectId baseTree = head == null ? null : walk.parseCommit(head).getTree();
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
                return Optional.of(new CommitResult(head.name(), head.name(), false));
            }
            ObjectId commit = inserter.insert(commit(change, tree, head));
            inserter.flush();
            return moveBranch(head, commit)
                    ? Optional.of(new CommitResult(commit.name(), head == null ? "" : head.name(), true))
                    : Optional.empty();
        }
    }

    private CommitBuilder commit(ChangeSet change, ObjectId tree, ObjectId parent) {
        var commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(new PersonIdent(change.author().name(), change.author().email(), clock.instant(),
                clock.getZone()));
        commit.setCommitter(new PersonIdent("Plate", "plate@localhost", clock.instant(), clock.getZone()));
        commit.setMessage(change.message());
        return commit;
    }

    private boolean moveBranch(ObjectId expected, ObjectId commit) throws IOException {
        RefUpdate update = repository.updateRef(BRANCH);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(commit);
        update.setRefLogMessage("plate commit", false);
        RefUpdate.Result result = update.update();
        return switch (result) {
            case NEW, FAST_FORWARD, FORCED -> true;
            case LOCK_FAILURE, REJECTED, REJECTED_CURRENT_BRANCH -> false;
            default -> throw new GitException("Could not move " + BRANCH + ": " + result, null);
        };
    }

    @Override
    public Optional<CommitResult> undo(ChangeSet change, CommitResult result, String reason) {
        var restore = new LinkedHashMap<String, byte[]>();
        var remove = new java.util.HashSet<String>();
        for (var write : change.writes().entrySet()) {
            if (read(write.getKey()).map(current -> java.util.Arrays.equals(current, write.getValue())).orElse(false)) {
                readAt(result.previousSha(), write.getKey()).ifPresentOrElse(
                        before -> restore.put(write.getKey(), before), () -> remove.add(write.getKey()));
            }
        }
        for (String deleted : change.deletes()) {
            if (read(deleted).isEmpty()) {
                readAt(result.previousSha(), deleted).ifPresent(before -> restore.put(deleted, before));
            }
        }
        if (restore.isEmpty() && remove.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(commit(new ChangeSet("undo \"" + change.message() + "\": " + reason,
                new ChangeSet.Author("Plate", "plate@localhost"), restore, remove)));
    }

    @Override
    public String head() {
        try {
            ObjectId head = repository.resolve(BRANCH);
            return head == null ? "" : head.name();
        } catch (IOException e) {
            throw new GitException("Could not read the config repository's head: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String path) {
        return readAt(BRANCH, path);
    }

    @Override
    public Optional<byte[]> readAt(String revision, String path) {
        try (var walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                return Optional.empty();
            }
            try (var treeWalk = TreeWalk.forPath(repository, path, walk.parseCommit(id).getTree())) {
                return treeWalk == null ? Optional.empty()
                        : Optional.of(repository.open(treeWalk.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new GitException("Could not read " + path + " at " + revision + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String cloneUrl() {
        return cloneUrl;
    }

    /** Used at first start: the repository's first commit. */
    void seed(Map<String, byte[]> files, ChangeSet.Author author) {
        if (head().isEmpty()) {
            commit(ChangeSet.writing("Create the config repository", author, files));
        }
    }
}
