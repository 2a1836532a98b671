package dev.plate.gitops.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.ConfigRepositoryBackends.Backend;
import dev.plate.gitops.GitException;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.gitops.RepositoryMovedException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The config repository every service uses, wherever it lives at the moment: it hands each call to the place
 * in use and lets an admin move it at run time. Commits share a lock that a move takes alone, so on this
 * instance nothing is committed to the old place once a move began. A commit that meets a sealed repository
 * (moved by another instance) asks to follow the saved setting and is tried again there: it is not lost.
 */
class SwitchingConfigRepository implements ConfigRepository {

    private static final int FOLLOW_ATTEMPTS = 12;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private volatile Backend active;
    private Supplier<Backend> opening;
    private Runnable beforeOpening = () -> {};
    private volatile Runnable follow = () -> {};

    SwitchingConfigRepository(Backend initial) {
        this.active = initial;
    }

    /**
     * Opened where it lives at its first use, not when created: where that is is a setting in the database, and
     * Plate's start goes on while the database is migrated rather than waiting for it (ADR 0020).
     */
    SwitchingConfigRepository(Supplier<Backend> opening) {
        this.opening = opening;
    }

    Backend active() {
        Backend current = active;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (active == null) {
                beforeOpening.run();
                active = opening.get(); // a failure leaves it unopened, and the next call tries again
                opening = null;
            }
            return active;
        }
    }

    /** What to note just before the place is read and opened (what was saved as of then). */
    synchronized void beforeOpening(Runnable note) {
        this.beforeOpening = note;
    }

    /** What to do when a commit meets a sealed repository: look for the place it moved to. */
    void onMoved(Runnable follow) {
        this.follow = follow;
    }

    /** Runs a move (or a switch) with no commit of this instance in flight, and none starting until it ends. */
    <T> T exclusively(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** From now on every call goes to {@code next}. */
    void use(Backend next) {
        exclusively(() -> active = next);
    }

    private volatile Optional<String> writeProblem = Optional.empty();

    @Override
    public Optional<String> writeProblem() {
        return writeProblem;
    }

    @Override
    public CommitResult commit(ChangeSet change) {
        try {
            var result = commitFollowingMoves(change);
            writeProblem = Optional.empty();
            return result;
        } catch (GitException e) {
            writeProblem = Optional.of(e.getMessage());
            throw e;
        } catch (dev.plate.base.UnavailableException e) {
            writeProblem = Optional.of(e.getMessage());
            throw e;
        }
    }

    private CommitResult commitFollowingMoves(ChangeSet change) {
        RepositoryMovedException moved = null;
        for (int attempt = 1; attempt <= FOLLOW_ATTEMPTS; attempt++) {
            lock.readLock().lock();
            try {
                return active().repository().commit(change);
            } catch (RepositoryMovedException e) {
                moved = e;
            } finally {
                lock.readLock().unlock();
            }
            follow.run();
            pause(attempt);
        }
        throw moved;
    }

    /** The instance that moved the repository saves the setting moments after sealing: wait for it, briefly. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1_000, 100L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("Interrupted while following the moved config repository", e);
        }
    }

    @Override
    public String head() {
        return active().repository().head();
    }

    @Override
    public void refresh() {
        lock.readLock().lock(); // not while a move switches places
        try {
            active().repository().refresh();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String installationId() {
        return active().repository().installationId();
    }

    @Override
    public Optional<byte[]> read(String path) {
        return active().repository().read(path);
    }

    @Override
    public List<String> children(String directory) {
        return active().repository().children(directory);
    }

    @Override
    public Optional<byte[]> readAt(String commitSha, String path) {
        return active().repository().readAt(commitSha, path);
    }

    @Override
    public boolean includes(String revision, String commit) {
        return active().repository().includes(revision, commit);
    }

    @Override
    public List<dev.plate.gitops.CommitInfo> history(java.util.Collection<String> prefixes) {
        return active().repository().history(prefixes);
    }

    @Override
    public List<String> childrenAt(String commitSha, String directory) {
        return active().repository().childrenAt(commitSha, directory);
    }

    @Override
    public void eachMessage(java.util.function.Consumer<String> visitor) {
        active().repository().eachMessage(visitor);
    }

    @Override
    public String cloneUrl() {
        return active().repository().cloneUrl();
    }

    /** Gitea shows a commit at {@code <repository page>/commit/<sha>}; its page is the clone URL without .git. */
    @Override
    public Optional<String> commitUrl(String sha) {
        Backend current = active();
        if (current.mode() != Mode.GITEA || sha == null || !sha.matches("[0-9a-f]{40}")) {
            return Optional.empty();
        }
        String page = current.repository().cloneUrl().replaceFirst("\\.git$", "");
        return page.startsWith("http://") || page.startsWith("https://") ? Optional.of(page + "/commit/" + sha)
                : Optional.empty();
    }
}
