package dev.plate.deployment.internal;

import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.ConfigRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commits a change inside the database transaction that records it, and takes the commit back if that
 * transaction then fails (a constraint, a lost connection): Git and the database never disagree about
 * whether a change happened. (A crash in between is recorded at the next start: {@link InterruptedChanges}.)
 */
@Component
class TransactionalCommits {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalCommits.class);

    private final ConfigRepository repository;
    private final StartupCheck startup;

    TransactionalCommits(ConfigRepository repository, StartupCheck startup) {
        this.repository = repository;
        this.startup = startup;
    }

    /** Refused (503) until the start-up check is done: a change made before could undo an interrupted one. */
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
            repository.undo(change, result, "the change could not be recorded")
                    .ifPresent(undo -> LOG.warn("Took back commit {} ({}) as {}: its transaction failed",
                            result.sha(), change.message(), undo.sha()));
        } catch (RuntimeException e) {
            LOG.error("Could not take back commit {} ({}) after its transaction failed", result.sha(),
                    change.message(), e);
        }
    }
}
