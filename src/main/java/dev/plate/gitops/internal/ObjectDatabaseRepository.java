package dev.plate.gitops.internal;

import dev.plate.gitops.ConfigRepository;
import java.util.Optional;
import dev.plate.gitops.GitException;
import java.io.IOException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** What both config repositories read the same way: straight from their local object database. */
abstract class ObjectDatabaseRepository implements ConfigRepository {

    static final String BRANCH = "refs/heads/main";

    protected final Repository repository;
    private final String cloneUrl;

    ObjectDatabaseRepository(Repository repository, String cloneUrl) {
        this.repository = repository;
        this.cloneUrl = cloneUrl;
    }

    @Override
    public String head() {
        return FileReads.head(repository, BRANCH);
    }

    @Override
    public Optional<byte[]> read(String path) {
        return readAt(BRANCH, path);
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
    public String cloneUrl() {
        return cloneUrl;
    }
}
