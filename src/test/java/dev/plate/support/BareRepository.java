package dev.plate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Reads the embedded server's bare config repository directly, as the source of truth the tests check. */
public final class BareRepository implements AutoCloseable {

    private final Repository repository;

    public BareRepository(Path dataDir, String name) {
        try {
            repository = new FileRepositoryBuilder().setGitDir(dataDir.resolve("git").resolve(name + ".git").toFile())
                    .setMustExist(true).setBare().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RevCommit commit(String sha) {
        try (var walk = new RevWalk(repository)) {
            return walk.parseCommit(repository.resolve(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String head() {
        try {
            return repository.resolve("refs/heads/main").name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits from the head back to the root, newest first, following first parents. */
    public List<RevCommit> history() {
        var commits = new ArrayList<RevCommit>();
        try (var walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(repository.resolve("refs/heads/main")));
            walk.forEach(commits::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commits;
    }

    public List<String> changedPaths(String from, String to) {
        try (var formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            return formatter.scan(commit(from).getTree(), commit(to).getTree()).stream()
                    .map(entry -> entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath()
                            : entry.getNewPath()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
