package dev.plate.git.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * A config repository on a remote Git server (Gitea): Plate keeps a local bare clone, builds each commit on
 * its branch from objects, and pushes it. A push refused because someone else pushed first is followed by a
 * fetch and the same change rebuilt on the new head; a remote that is down leaves the local branch where it
 * was and reports the failure, so nothing is committed that was not pushed.
 */
class RemoteConfigRepository extends ObjectDatabaseRepository {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteConfigRepository.class);
    private static final String TRACKING = "refs/remotes/origin/main";
    private static final String OUTGOING = "refs/plate/outgoing";
    private static final int MAX_ATTEMPTS = 20;

    private final Git git;
    private final CredentialsProvider credentials;
    private final Clock clock;
    private final java.time.Duration timeout;
    private final java.time.Duration staleLockAfter;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private RemoteConfigRepository(Git git, String cloneUrl, CredentialsProvider credentials, Clock clock,
            java.time.Duration timeout, java.time.Duration staleLockAfter) {
        super(git.getRepository(), cloneUrl);
        this.git = git;
        this.credentials = credentials;
        this.clock = clock;
        this.timeout = timeout;
        this.staleLockAfter = staleLockAfter;
    }

    static RemoteConfigRepository open(Path local, String cloneUrl, CredentialsProvider credentials, Clock clock) {
        return open(local, cloneUrl, credentials, clock, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(10));
    }

    /**
     * Opens the local clone under {@code local}, cloning on first use, and catches up with the remote.
     *
     * @param timeout how long any one network operation (connect, each read) may take: a stalled server is an
     *     error after that, never a deploy that hangs behind the write lock
     */
    static RemoteConfigRepository open(Path local, String cloneUrl, CredentialsProvider credentials, Clock clock,
            java.time.Duration timeout, java.time.Duration staleLockAfter) {
        try {
            Git git;
            if (Files.exists(local)) {
                git = Git.open(local.toFile());
            } else {
                Files.createDirectories(local.getParent());
                git = Git.init().setBare(true).setDirectory(local.toFile()).setInitialBranch("main").call();
                var config = git.getRepository().getConfig();
                config.setString("remote", "origin", "url", cloneUrl);
                config.save();
            }
            StaleLocks.removeStale(git.getRepository(), staleLockAfter, clock);
            var remote = new RemoteConfigRepository(git, cloneUrl, credentials, clock, timeout, staleLockAfter);
            try {
                remote.catchUp();
            } catch (GitAPIException e) {
                // The remote may be down at start: reads serve the local clone, writes fail until it is back.
                LOG.warn("Could not fetch the config repository {}: {}", cloneUrl, e.getMessage());
            }
            return remote;
        } catch (IOException | GitAPIException e) {
            throw new GitException("Cannot open the config repository " + cloneUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CommitResult commit(ChangeSet change) {
        writeLock.lock();
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                ObjectId base = repository.resolve(BRANCH);
                refuseIfMoved(base, change);
                var built = CommitWriter.build(repository, base, change, clock);
                if (built.isEmpty()) {
                    String sha = base == null ? "" : base.name();
                    return new CommitResult(sha, sha, false);
                }
                if (!CommitWriter.moveBranch(repository, BRANCH, base, built.get())) {
                    StaleLocks.removeStale(repository, staleLockAfter, clock);
                    continue;
                }
                if (push(base, built.get())) {
                    return new CommitResult(built.get().name(), base == null ? "" : base.name(), true);
                }
                // The remote moved on: the local branch goes back first, so a failed fetch leaves nothing unpushed.
                takeBack(base, built.get());
                catchUp();
            }
            throw new GitException("The config repository " + cloneUrl() + " kept moving: gave up after "
                    + MAX_ATTEMPTS + " attempts to push \"" + change.message() + "\"", null);
        } catch (org.eclipse.jgit.api.errors.TransportException e) {
            throw new dev.plate.gitops.GitUnavailableException(cloneUrl(), timeout, e);
        } catch (IOException | GitAPIException e) {
            throw new GitException("Could not commit \"" + change.message() + "\" to " + cloneUrl() + ": "
                    + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** False when the remote moved on; any other failure puts the local branch back and is thrown. */
    private boolean push(ObjectId base, ObjectId commit) throws IOException, GitAPIException {
        try {
            var results = git.push().setRemote(cloneUrl()).setCredentialsProvider(credentials).setTimeout(seconds())
                    .setRefSpecs(new RefSpec(BRANCH + ":" + BRANCH)).call();
            for (var result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    // Another push holds the remote's branch at this moment: the same as having moved on.
                    if (update.getStatus() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON
                            && String.valueOf(update.getMessage()).contains("lock")) {
                        return false;
                    }
                    switch (update.getStatus()) {
                        case OK, UP_TO_DATE -> { }
                        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                            return false;
                        }
                        default -> throw new GitException(cloneUrl() + " refused the push: " + update.getStatus()
                                + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"), null);
                    }
                }
            }
            CommitWriter.moveBranch(repository, TRACKING, repository.resolve(TRACKING), commit);
            return true;
        } catch (GitAPIException | RuntimeException e) {
            takeBack(base, commit);
            throw e;
        }
    }

    @Override
    ObjectId latestHead() throws IOException, GitAPIException {
        writeLock.lock();
        try {
            return catchUp() ? repository.resolve(BRANCH) : null;
        } finally {
            writeLock.unlock();
        }
    }

    /** Pushes with a lease: the remote's branch must still be at {@code expected}, or nothing changes. */
    @Override
    void adopt(ObjectId expected, ObjectId commit) throws IOException, GitAPIException {
        writeLock.lock();
        try {
            // Pushed from a ref of its own: the branch here still points at what the remote held.
            ObjectId outgoing = repository.resolve(OUTGOING);
            if (!commit.equals(outgoing)) { // a retried move may find it there already
                CommitWriter.resetBranch(repository, OUTGOING, outgoing, commit);
            }
            var lease = new org.eclipse.jgit.transport.RefLeaseSpec(BRANCH,
                    expected == null ? ObjectId.zeroId().name() : expected.name());
            var results = git.push().setRemote(cloneUrl()).setCredentialsProvider(credentials).setForce(true)
                    .setTimeout(seconds())
                    .setRefLeaseSpecs(lease).setRefSpecs(new RefSpec("+" + OUTGOING + ":" + BRANCH)).call();
            for (var result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new GitException(cloneUrl() + " refused the config repository's history: "
                                + update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage()
                                + ")"), null);
                    }
                }
            }
            CommitWriter.resetBranch(repository, TRACKING, repository.resolve(TRACKING), commit);
            CommitWriter.resetBranch(repository, BRANCH, repository.resolve(BRANCH), commit);
        } finally {
            writeLock.unlock();
        }
    }

    /** Puts the local branch back where it was before an unpushed commit. */
    private void takeBack(ObjectId base, ObjectId commit) throws IOException {
        if (base == null) {
            CommitWriter.deleteBranch(repository, BRANCH); // the first commit: no branch before it
        } else {
            CommitWriter.resetBranch(repository, BRANCH, commit, base);
        }
    }

    private int seconds() {
        return (int) Math.max(1, timeout.toSeconds());
    }

    /** Fetches the remote's branch and points the local one at it: the remote is the truth. */
    private boolean catchUp() throws GitAPIException, IOException {
        boolean remoteHasBranch = git.lsRemote().setRemote(cloneUrl()).setCredentialsProvider(credentials)
                .setTimeout(seconds()).setHeads(true).call().stream().anyMatch(ref -> ref.getName().equals(BRANCH));
        if (!remoteHasBranch) {
            return false;
        }
        git.fetch().setRemote(cloneUrl()).setCredentialsProvider(credentials).setTimeout(seconds())
                .setRefSpecs(new RefSpec("+" + BRANCH + ":" + TRACKING)).call();
        ObjectId remote = repository.resolve(TRACKING);
        if (remote != null) {
            var update = repository.updateRef(BRANCH);
            update.setNewObjectId(remote);
            update.setForceUpdate(true);
            update.update();
        }
        return true;
    }
}
