package dev.plate.git.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lock files a killed process left behind. Git (and JGit) create {@code <ref>.lock}, {@code packed-refs.lock} and
 * the like for the milliseconds an update takes; one left by a kill blocks every later commit for good. A lock older
 * than {@code staleAfter} is no live writer's: it is removed. A younger one may be a live writer's (another
 * instance on a shared volume): it is left alone, and the commit waits for it.
 */
final class StaleLocks {

    private static final Logger LOG = LoggerFactory.getLogger(StaleLocks.class);

    private StaleLocks() {}

    /**
     * Every lock file in the repository's directory and under its refs. Writers create and delete locks while this
     * looks: an entry gone between listing and reading it is skipped (Files.walk would abort the whole walk, and the
     * commit with it, on such a race).
     */
    static List<Path> find(Repository repository) {
        Path dir = repository.getDirectory().toPath();
        var locks = new ArrayList<Path>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    // The top directory, and refs/ to any depth; objects/ and the rest hold no ref locks.
                    return directory.equals(dir) || directory.startsWith(dir.resolve("refs")) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".lock")) {
                        locks.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not look for lock files in {}: {}", dir, e.getMessage());
        }
        return locks;
    }

    /** Removes the locks older than {@code staleAfter}; returns the ones removed. */
    static List<Path> removeStale(Repository repository, Duration staleAfter, Clock clock) {
        var removed = new ArrayList<Path>();
        for (Path lock : find(repository)) {
            try {
                var age = Duration.between(Files.getLastModifiedTime(lock).toInstant(), clock.instant());
                if (age.compareTo(staleAfter) >= 0 && Files.deleteIfExists(lock)) {
                    removed.add(lock);
                    LOG.warn("Removed {}: a lock {} s old, left by a process that stopped while writing (a crash)",
                            lock, age.toSeconds());
                }
            } catch (java.nio.file.NoSuchFileException gone) {
                // Its writer finished meanwhile: nothing to remove.
            } catch (IOException e) {
                LOG.warn("Could not remove the stale lock {}: {}", lock, e.getMessage());
            }
        }
        return removed;
    }
}
