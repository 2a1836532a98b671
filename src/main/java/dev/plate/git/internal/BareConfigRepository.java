package dev.plate.git.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.GitException;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The embedded server's config repository, written in place: Plate builds each commit from objects (no
 * working tree, only the trees on the changed paths are rewritten) and moves the branch with a
 * compare-and-swap. If the branch moved meanwhile — another thread or another instance sharing the volume —
 * the same change is rebuilt on the new head and tried again, so concurrent changes all land, in order.
 * A crash between writing objects and moving the branch leaves only unreachable objects behind.
 */
class BareConfigRepository extends ObjectDatabaseRepository {

    private static final int MAX_ATTEMPTS = 50;

    private final Clock clock;
    private final java.time.Duration staleLockAfter;
    /** Saves pointless retries between threads of one instance; other instances are handled by the CAS. */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    BareConfigRepository(Repository repository, String cloneUrl, Clock clock) {
        this(repository, cloneUrl, clock, java.time.Duration.ofSeconds(10));
    }

    /** At start, before any commit of this process: a lock a crash left is removed (if no live writer's). */
    BareConfigRepository(Repository repository, String cloneUrl, Clock clock, java.time.Duration staleLockAfter) {
        super(repository, cloneUrl);
        this.clock = clock;
        this.staleLockAfter = staleLockAfter;
        StaleLocks.removeStale(repository, staleLockAfter, clock);
    }

    /**
     * A branch that does not move for us is another writer's at that moment, or held by a lock a crash left: such a
     * lock is removed once it is older than a live writer could hold it, so the commit waits at most that long.
     */
    @Override
    public CommitResult commit(ChangeSet change) {
        writeLock.lock();
        try {
            long until = clock.millis() + staleLockAfter.plusSeconds(5).toMillis();
            for (int attempt = 1; attempt <= MAX_ATTEMPTS || (locked() && clock.millis() < until); attempt++) {
                var result = tryCommit(change);
                if (result.isPresent()) {
                    return result.get();
                }
                if (!StaleLocks.removeStale(repository, staleLockAfter, clock).isEmpty()) {
                    continue;
                }
                backOff(attempt);
            }
            throw new GitException(giveUpMessage(change), null);
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
        refuseIfMoved(head, change);
        var built = CommitWriter.build(repository, head, change, clock);
        if (built.isEmpty()) {
            return Optional.of(new CommitResult(head.name(), head.name(), false));
        }
        return moveBranch(head, built.get())
                ? Optional.of(new CommitResult(built.get().name(), head == null ? "" : head.name(), true))
                : Optional.empty();
    }

    /** Another writer holds the branch: give it a moment, longer each time. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(100, attempt * 5L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("Interrupted while committing to the config repository", e);
        }
    }

    private boolean locked() {
        return !StaleLocks.find(repository).isEmpty();
    }

    /** A lock that stays (one Plate cannot remove) blocks every commit; say so rather than blame other writers. */
    private String giveUpMessage(ChangeSet change) {
        var locks = StaleLocks.find(repository);
        if (!locks.isEmpty()) {
            return "Could not commit \"" + change.message() + "\": the config repository is locked by " + locks
                    + " and Plate could not remove it. If no Plate instance is writing, delete that file.";
        }
        return "The config repository kept moving: gave up after " + MAX_ATTEMPTS + " attempts to commit \""
                + change.message() + "\"";
    }

    @Override
    ObjectId latestHead() throws IOException {
        return repository.resolve(BRANCH);
    }

    @Override
    void adopt(ObjectId expected, ObjectId commit) throws IOException {
        writeLock.lock();
        try {
            if (!CommitWriter.resetBranch(repository, BRANCH, expected, commit)) {
                throw new GitException("The embedded config repository changed while Plate was moving it", null);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private boolean moveBranch(ObjectId expected, ObjectId commit) throws IOException {
        return CommitWriter.moveBranch(repository, BRANCH, expected, commit);
    }
}
