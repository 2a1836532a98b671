package dev.plate.git.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.GitException;
import dev.plate.gitops.RepositoryMovedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** What both config repositories read the same way: straight from their local object database. */
abstract class ObjectDatabaseRepository implements ConfigRepository {

    static final String BRANCH = "refs/heads/main";
    /**
     * The file that seals a repository Plate moved away from: its last commit says where the history went, and
     * every instance refuses to commit on top of it (see {@link RepositoryMove}).
     */
    static final String MOVED = RepositoryMovedException.NOTE;
    /** Where objects fetched from the other repository during a move are parked. */
    static final String INCOMING = "refs/plate/incoming";

    protected final Repository repository;
    private final String cloneUrl;

    ObjectDatabaseRepository(Repository repository, String cloneUrl) {
        this.repository = repository;
        this.cloneUrl = cloneUrl;
    }

    private volatile String installationId;

    @Override
    public String head() {
        return FileReads.head(repository, BRANCH);
    }

    @Override
    public void refresh() {
        try {
            latestHead();
        } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new GitException("Could not read the newest commits of " + cloneUrl + ": " + e.getMessage(), e);
        }
    }

    /** The root commit never changes once there is one, so it is looked up once. */
    @Override
    public String installationId() {
        if (installationId == null) {
            try (var walk = new RevWalk(repository)) {
                ObjectId head = repository.resolve(BRANCH);
                if (head == null) {
                    throw new GitException("The config repository has no commit yet, so no installation id.", null);
                }
                walk.setRetainBody(false);
                // Along first parents: a merged-in history with a root of its own (or skewed clocks) cannot change it.
                walk.setFirstParent(true);
                walk.sort(org.eclipse.jgit.revwalk.RevSort.TOPO);
                walk.sort(org.eclipse.jgit.revwalk.RevSort.REVERSE, true);
                walk.markStart(walk.parseCommit(head));
                installationId = walk.next().name().substring(0, 16);
            } catch (IOException e) {
                throw new GitException("Could not read the history of the config repository: " + e.getMessage(), e);
            }
        }
        return installationId;
    }

    @Override
    public Optional<byte[]> read(String path) {
        return readAt(BRANCH, path);
    }

    @Override
    public java.util.List<String> childrenAt(String commitSha, String directory) {
        return FileReads.children(repository, commitSha, directory);
    }

    @Override
    public java.util.List<String> children(String directory) {
        return FileReads.children(repository, BRANCH, directory);
    }

    @Override
    public Optional<byte[]> readAt(String revision, String path) {
        return FileReads.readAt(repository, revision, path);
    }

    @Override
    public boolean includes(String revision, String commit) {
        if (revision == null || commit == null) {
            return false;
        }
        try (var walk = new RevWalk(repository)) {
            ObjectId later = repository.resolve(revision);
            ObjectId earlier = repository.resolve(commit);
            if (later == null || earlier == null) {
                return false;
            }
            return walk.isMergedInto(walk.parseCommit(earlier), walk.parseCommit(later));
        } catch (MissingObjectException | IncorrectObjectTypeException | AmbiguousObjectException
                | RevisionSyntaxException e) {
            return false;
        } catch (IOException e) {
            throw new GitException("Could not read the history of the config repository: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.List<dev.plate.gitops.CommitInfo> history(java.util.Collection<String> prefixes) {
        return FileReads.history(repository, BRANCH, prefixes);
    }

    @Override
    public void eachMessage(java.util.function.Consumer<String> visitor) {
        FileReads.eachMessage(repository, BRANCH, visitor);
    }

    @Override
    public String cloneUrl() {
        return cloneUrl;
    }

    /** The local object database (the bare repository, or the clone of a remote one). */
    Repository objects() {
        return repository;
    }

    /**
     * Refuses to build on a sealed head: the history moved elsewhere and this instance has not followed yet. A
     * change that takes the seal away (a move that failed half way) is the one exception.
     */
    void refuseIfMoved(ObjectId base, ChangeSet change) {
        if (base != null && !change.deletes().contains(MOVED)) {
            var note = FileReads.readAt(repository, base.name(), MOVED);
            if (note.isPresent()) {
                throw new RepositoryMovedException(cloneUrl, new String(note.get(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The newest head, asking the remote first where there is one. */
    abstract ObjectId latestHead() throws IOException, org.eclipse.jgit.api.errors.GitAPIException;

    /**
     * Makes {@code commit} (already in this object database) the head of the branch, replacing {@code expected};
     * backwards or sideways only because a move said so (see {@link RepositoryMove}).
     */
    abstract void adopt(ObjectId expected, ObjectId commit) throws IOException,
            org.eclipse.jgit.api.errors.GitAPIException;

    /** Copies the branch's objects of another local repository into this one (nothing else changes). */
    void fetchFrom(Repository other) throws org.eclipse.jgit.api.errors.GitAPIException {
        try (var git = new org.eclipse.jgit.api.Git(repository)) {
            git.fetch().setRemote(other.getDirectory().toURI().toString())
                    .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("+" + BRANCH + ":" + INCOMING)).call();
        }
    }
}
