package dev.plate.deployment.internal;

import dev.plate.deployment.DeploymentTrailers;
import dev.plate.deployment.StartupGate;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.ConfigRepository;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commits a change inside the database transaction that records it, and takes the commit back if that
 * transaction then fails (a constraint, a lost connection): Git and the database never disagree about
 * whether a change happened. (A crash in between is recorded at the next start: module {@code recovery}.)
 */
@Component
class TransactionalCommits {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalCommits.class);

    private final ConfigRepository repository;
    private final StartupGate startup;

    TransactionalCommits(ConfigRepository repository, StartupGate startup) {
        this.repository = repository;
        this.startup = startup;
    }

    /**
     * Refused (503) until the start-up check is done: a change made before could undo an interrupted one, or take a
     * deployment id Git still names. Write use cases ask first, before they write any row.
     */
    void requireReady() {
        startup.requireDone();
    }

    CommitResult commit(ChangeSet change) {
        startup.requireDone();
        CommitResult result = repository.commit(change);
        if (result.changed() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        undo(change, result);
                    }
                }
            });
        }
        return result;
    }

    private void undo(ChangeSet change, CommitResult result) {
        try {
            undo(change, result, "the change could not be recorded")
                    .ifPresent(undo -> LOG.warn("Took back commit {} ({}) as {}: its transaction failed",
                            result.sha(), change.message(), undo.sha()));
        } catch (RuntimeException e) {
            LOG.error("Could not take back commit {} ({}) after its transaction failed", result.sha(),
                    change.message(), e);
        }
    }

    /**
     * Takes back a committed change as a new commit (history is never rewritten): each path it wrote that still holds
     * what it wrote gets its earlier content back (or goes, if it was new). Paths changed again since are left alone,
     * here or on another instance: the undo expects each path as it found it, and is computed again if one changed
     * before it landed. Returns the undo commit, if one was needed.
     */
    Optional<CommitResult> undo(ChangeSet change, CommitResult result, String reason) {
        for (int attempt = 1; ; attempt++) {
            repository.refresh(); // what another instance committed since counts as "changed again"
            var undo = undoOf(change, result, reason);
            if (undo.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(repository.commit(undo.get()));
            } catch (dev.plate.gitops.ChangedMeanwhileException e) {
                if (attempt == 3) {
                    LOG.warn("Left commit {} as it is: its files kept changing while it was being taken back", result.sha());
                    return Optional.empty();
                }
            }
        }
    }

    private Optional<ChangeSet> undoOf(ChangeSet change, CommitResult result, String reason) {
        var restore = new LinkedHashMap<String, byte[]>();
        var remove = new HashSet<String>();
        var expected = new LinkedHashMap<String, Optional<byte[]>>();
        for (var write : change.writes().entrySet()) {
            if (repository.read(write.getKey()).map(now -> Arrays.equals(now, write.getValue())).orElse(false)) {
                repository.readAt(result.previousSha(), write.getKey()).ifPresentOrElse(
                        before -> restore.put(write.getKey(), before), () -> remove.add(write.getKey()));
                expected.put(write.getKey(), Optional.of(write.getValue()));
            }
        }
        for (String deleted : change.deletes()) {
            // A deleted directory (a removed project's chart and configuration) comes back file by file.
            for (String file : filesAt(result.previousSha(), deleted)) {
                if (repository.read(file).isEmpty()) {
                    restore.put(file, repository.readAt(result.previousSha(), file).orElseThrow());
                    expected.put(file, Optional.empty());
                }
            }
        }
        if (restore.isEmpty() && remove.isEmpty()) {
            return Optional.empty();
        }
        String subject = change.message().lines().findFirst().orElse("");
        var undo = new ChangeSet("undo \"" + subject + "\": " + reason + "\n\n" + DeploymentTrailers.UNDOES + ": "
                + result.sha(), new ChangeSet.Author("Plate", "plate@localhost"), restore, remove);
        for (var path : expected.entrySet()) {
            undo = undo.expecting(path.getKey(), path.getValue());
        }
        return Optional.of(undo);
    }

    /** The file at {@code path}, or every file below it if it was a directory, at that commit. */
    private java.util.List<String> filesAt(String sha, String path) {
        if (sha.isEmpty()) {
            return java.util.List.of();
        }
        if (repository.readAt(sha, path).isPresent()) {
            return java.util.List.of(path);
        }
        var files = new java.util.ArrayList<String>();
        for (String name : repository.childrenAt(sha, path)) {
            files.addAll(filesAt(sha, path + "/" + name));
        }
        return files;
    }
}
