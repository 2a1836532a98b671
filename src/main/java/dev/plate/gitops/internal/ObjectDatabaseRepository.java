package dev.plate.gitops.internal;

import dev.plate.gitops.ConfigRepository;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

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
    public Optional<byte[]> readAt(String revision, String path) {
        return FileReads.readAt(repository, revision, path);
    }

    @Override
    public String cloneUrl() {
        return cloneUrl;
    }
}
