package dev.plate.gitops.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The config repository as a local working clone of a remote (the embedded server's bare repository, or
 * Gitea). Each change: fetch, reset the clone to the remote head (so a crash mid-change leaves nothing behind),
 * write, commit, push; a push refused because another instance pushed first is retried on the new head.
 */
class JGitConfigRepository implements ConfigRepository {

    static final String BRANCH = "main";
    private static final int MAX_ATTEMPTS = 20;

    private final Git git;
    private final Path workTree;
    private final String cloneUrl;
    private final Clock clock;
    /** One writer per instance at a time; other instances are handled by push-and-retry. */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    JGitConfigRepository(Git git, String cloneUrl, Clock clock) {
        this.git = git;
        this.workTree = git.getRepository().getWorkTree().toPath();
        this.cloneUrl = cloneUrl;
        this.clock = clock;
    }

    @Override
    public CommitResult commit(ChangeSet change) {
        writeLock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                var result = tryCommit(change);
                if (result.isPresent()) {
                    return result.get();
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new GitException("The config repository kept moving: gave up after " + attempt
                            + " attempts to push \"" + change.message() + "\"", null);
                }
            }
        } catch (IOException | GitAPIException e) {
            throw new GitException("Could not commit \"" + change.message() + "\" to the config repository: "
                    + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Empty when the push was refused because the remote moved on. */
    private Optional<CommitResult> tryCommit(ChangeSet change) throws IOException, GitAPIException {
        syncToRemote();
        ObjectId before = git.getRepository().resolve(Constants.HEAD);
        for (var write : change.writes().entrySet()) {
            Path file = workTree.resolve(write.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, write.getValue());
        }
        for (String delete : change.deletes()) {
            Files.deleteIfExists(workTree.resolve(delete));
        }
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        if (git.status().call().isClean()) {
            String sha = before == null ? "" : before.name();
            return Optional.of(new CommitResult(sha, sha, false));
        }
        var author = new PersonIdent(change.author().name(), change.author().email(), clock.instant(),
                clock.getZone());
        var committer = new PersonIdent("Plate", "plate@localhost", clock.instant(), clock.getZone());
        var commit = git.commit().setMessage(change.message()).setAuthor(author).setCommitter(committer)
                .setSign(false).call();
        if (!push()) {
            return Optional.empty();
        }
        return Optional.of(new CommitResult(commit.name(), before == null ? "" : before.name(), true));
    }

    private void syncToRemote() throws GitAPIException, IOException {
        git.fetch().setRemote("origin").call();
        ObjectId remote = git.getRepository().resolve("refs/remotes/origin/" + BRANCH);
        if (remote != null) {
            git.reset().setMode(ResetType.HARD).setRef(remote.name()).call();
        }
        git.clean().setCleanDirectories(true).setForce(true).call();
    }

    private boolean push() throws GitAPIException {
        String branch = "refs/heads/" + BRANCH;
        for (var result : git.push().setRemote("origin").setRefSpecs(new RefSpec(branch + ":" + branch)).call()) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE -> { }
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
                        return false;
                    }
                    default -> throw new GitException("The push was refused: " + update.getStatus()
                            + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"), null);
                }
            }
        }
        return true;
    }

    @Override
    public String head() {
        try {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            return head == null ? "" : head.name();
        } catch (IOException e) {
            throw new GitException("Could not read the config repository's head: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String path) {
        return readAt(Constants.HEAD, path);
    }

    @Override
    public Optional<byte[]> readAt(String revision, String path) {
        Repository repository = git.getRepository();
        try (var walk = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision);
            if (id == null) {
                return Optional.empty();
            }
            var tree = walk.parseCommit(id).getTree();
            try (var treeWalk = TreeWalk.forPath(repository, path, tree)) {
                if (treeWalk == null) {
                    return Optional.empty();
                }
                return Optional.of(repository.open(treeWalk.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new GitException("Could not read " + path + " at " + revision + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String cloneUrl() {
        return cloneUrl;
    }
}
