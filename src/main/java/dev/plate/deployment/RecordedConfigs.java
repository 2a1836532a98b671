package dev.plate.deployment;

import dev.plate.chart.AppConfig;
import java.util.Optional;

/**
 * Each environment's recorded configuration, for module {@code recovery}, which writes it where Git says more than
 * the database: after a crash between a commit and its transaction, or into a lost database. Everything else
 * changes it only by making a change ({@link DeploymentService}). Every method joins the caller's transaction.
 */
public interface RecordedConfigs {

    /** An environment's configuration as recorded, and the commit it was recorded at. */
    record Recorded(AppConfig config, String revision) {}

    /** The recorded configuration, locked until the transaction ends (a deploy in flight is waited for). */
    Optional<Recorded> lock(long projectId, long environmentId);

    /** The configuration Git holds becomes the recorded one, at that revision (a locked row). */
    void adopt(long projectId, long environmentId, AppConfig config, String revision);

    /** A configuration for an environment that had none (recovery into an empty database). */
    void add(long projectId, long environmentId, AppConfig config, String revision);
}
