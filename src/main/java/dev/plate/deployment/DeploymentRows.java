package dev.plate.deployment;

import dev.plate.chart.AppConfig;
import java.time.Instant;
import java.util.Optional;

/**
 * The rows changes leave — each environment's recorded configuration and the deployment history — for module
 * {@code recovery}, which writes them where Git says more than the database: after a crash between a commit and its
 * transaction, or into a lost database. Everything else changes them only by making a change
 * ({@link DeploymentService}). Every method joins the caller's transaction.
 */
public interface DeploymentRows {

    /** An environment's configuration as recorded, and the commit it was recorded at. */
    record RecordedConfig(AppConfig config, String revision) {}

    /**
     * One deployment of history, written back with the id its commit names.
     *
     * @param finishedAt only for a finished one, with its {@code outcome}
     */
    record HistoryRow(long projectId, long environmentId, DeploymentKind kind, DeploymentState state,
            String requestedBy, Instant requestedAt, AppConfig config, String fromRevision, String toRevision,
            String summary, Optional<Instant> finishedAt, String outcome) {}

    /** The recorded configuration, locked until the transaction ends (a deploy in flight is waited for). */
    Optional<RecordedConfig> lockConfig(long projectId, long environmentId);

    /** The configuration Git holds becomes the recorded one, at that revision (a locked row). */
    void adoptConfig(long projectId, long environmentId, AppConfig config, String revision);

    /** A configuration for an environment that had none (recovery into an empty database). */
    void addConfig(long projectId, long environmentId, AppConfig config, String revision);

    boolean deploymentExists(long id);

    /** A RECOVER deployment by {@code plate}, now: Git changed without a record, and this records it. */
    void recordRecovered(long projectId, long environmentId, AppConfig config, String fromRevision,
            String toRevision, String summary);

    /** A deployment written back with the id its commit names. */
    void insert(long id, HistoryRow row);

    /** The highest deployment id the database holds (0: none). */
    long highestDeploymentId();

    /**
     * The next id issued is above {@code highest} (and above every row): never lower than one it would have issued
     * anyway, so a call while other instances insert cannot make an id be issued twice.
     */
    void continueIdsAfter(long highest);
}
