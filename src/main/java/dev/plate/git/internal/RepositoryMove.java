package dev.plate.git.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the config repository's history from one place to another (embedded server ↔ Gitea), losing nothing:
 * <ol>
 * <li>the target must be empty, or hold only history the source has (e.g. where it was moved from before);
 * otherwise nothing changes;</li>
 * <li>the history is pushed there while the source still takes commits ({@link #prepare});</li>
 * <li>the source is sealed with a commit adding {@value ObjectDatabaseRepository#MOVED} (a compare-and-swap like
 * any commit, so a commit racing from another instance lands before it or is refused after it);</li>
 * <li>the rest of the history (up to the seal, not the seal) is pushed. If that fails the seal is taken back.</li>
 * </ol>
 * A source sealed already for the same target (a move that stopped before its setting was saved) is moved on from
 * its seal; sealed for another target, it is refused (another instance moved it: follow, do not move again).
 */
final class RepositoryMove {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryMove.class);

    private RepositoryMove() {}

    /**
     * Steps 1 and 2, while the source still takes commits (no lock held): the target must hold nothing but the
     * source's history; the history is pushed there. Returns the target's head afterwards. A source sealed
     * already may only be moved on to the place its seal names.
     */
    static ObjectId prepare(ObjectDatabaseRepository source, ObjectDatabaseRepository target) {
        try {
            ObjectId targetHead = target.latestHead();
            ObjectId sourceHead = source.latestHead();
            if (sourceHead == null) {
                throw new GitException("The config repository " + source.cloneUrl() + " is empty: nothing to move", null);
            }
            ObjectId last = sourceHead;
            if (sealed(source.objects(), sourceHead)) {
                String note = FileReads.readAt(source.objects(), sourceHead.name(), ObjectDatabaseRepository.MOVED)
                        .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
                if (!note.contains(target.cloneUrl())) {
                    throw new GitException("The config repository " + source.cloneUrl() + " was already moved "
                            + "elsewhere (" + note.lines().filter(line -> line.startsWith("Plate moved")).findFirst()
                            .orElse("see " + ObjectDatabaseRepository.MOVED) + "). Reload the page: this instance "
                            + "follows the saved setting within seconds.", null);
                }
                last = parent(source.objects(), sourceHead);
            }
            target.fetchFrom(source.objects());
            requireOnlyOurHistory(target, targetHead, last);
            if (!last.equals(targetHead)) {
                target.adopt(targetHead, last);
            }
            return last;
        } catch (IOException | GitAPIException e) {
            throw new GitException("Could not move the config repository to " + target.cloneUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Steps 3 and 4, with no commit of this instance in flight: seal the source, push what came since
     * {@code targetHead}. Returns the head the target has now, the source's last commit before its seal.
     */
    static ObjectId complete(ObjectDatabaseRepository source, ObjectDatabaseRepository target, ObjectId targetHead,
            String note, ChangeSet.Author author) {
        try {
            ObjectId sourceHead = source.latestHead();
            if (sealed(source.objects(), sourceHead)) {
                return parent(source.objects(), sourceHead); // sealed for this target already (checked in prepare)
            }
            var seal = source.commit(ChangeSet.writing("move the config repository to " + target.cloneUrl(), author,
                    Map.of(ObjectDatabaseRepository.MOVED, note.getBytes(StandardCharsets.UTF_8))));
            ObjectId last = parent(source.objects(), ObjectId.fromString(seal.sha()));
            try {
                if (!last.equals(targetHead)) {
                    target.fetchFrom(source.objects());
                    target.adopt(targetHead, last);
                }
                return last;
            } catch (IOException | GitAPIException | RuntimeException e) {
                unseal(source, author, e);
                throw e;
            }
        } catch (IOException | GitAPIException e) {
            throw new GitException("Could not move the config repository to " + target.cloneUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The whole move at once (prepare, then complete): for callers that hold the commit lock themselves. */
    static ObjectId move(ObjectDatabaseRepository source, ObjectDatabaseRepository target, String note,
            ChangeSet.Author author) {
        return complete(source, target, prepare(source, target), note, author);
    }

    /** Takes a seal back (the move failed after it, or its setting could not be stored). */
    static void unseal(ObjectDatabaseRepository source, ChangeSet.Author author, Exception why) {
        try {
            source.commit(new ChangeSet("undo the move of the config repository: " + firstLine(why.getMessage()),
                    author, Map.of(), Set.of(ObjectDatabaseRepository.MOVED)));
        } catch (RuntimeException e) {
            LOG.error("The config repository {} stays sealed after a failed move; save the setting again to finish "
                    + "the move, or delete {} from it", source.cloneUrl(), ObjectDatabaseRepository.MOVED, e);
        }
    }

    private static void requireOnlyOurHistory(ObjectDatabaseRepository target, ObjectId targetHead, ObjectId last)
            throws IOException {
        Repository objects = target.objects();
        ObjectId effective = targetHead != null && sealed(objects, targetHead) ? parent(objects, targetHead)
                : targetHead;
        if (effective == null) {
            return;
        }
        try (var walk = new RevWalk(objects)) {
            if (walk.isMergedInto(walk.parseCommit(effective), walk.parseCommit(last))) {
                return;
            }
        }
        throw new GitException(target.cloneUrl() + " already holds commits that are not this config repository's "
                + "(its head " + effective.abbreviate(7).name() + " is not in Plate's history). Plate does not "
                + "overwrite them: choose another organisation, or delete or empty that repository first.", null);
    }

    private static boolean sealed(Repository objects, ObjectId head) {
        return FileReads.readAt(objects, head.name(), ObjectDatabaseRepository.MOVED).isPresent();
    }

    private static ObjectId parent(Repository objects, ObjectId commit) throws IOException {
        try (var walk = new RevWalk(objects)) {
            var parsed = walk.parseCommit(commit);
            if (parsed.getParentCount() == 0) {
                throw new GitException("The config repository's seal " + commit.name() + " has no parent", null);
            }
            return parsed.getParent(0).copy();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "failed" : message.lines().findFirst().orElse("failed");
    }
}
