package dev.plate.history;

import dev.plate.chart.AppConfig;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.project.ProjectSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deployment history as the deployment core writes it (a row first, so the commit can name its id; then the
 * commit it made) and module {@code recovery} writes it back from Git. Every method joins the caller's transaction;
 * none checks access (the use cases calling it do).
 */
public interface DeploymentHistory {

    /** The {@code toRevision} of a deployment whose commit is not made yet. */
    String NOT_YET_COMMITTED = "pending";

    /** A deployment to record: {@code toRevision} is {@link #NOT_YET_COMMITTED} until its commit is made. */
    record NewDeployment(long projectId, long environmentId, DeploymentKind kind, String requestedBy,
            Instant requestedAt, AppConfig config, String fromRevision, String toRevision, String summary) {}

    /**
     * One deployment of history written back with the id its commit names.
     *
     * @param finishedAt only for a finished one, with its {@code outcome}
     */
    record Restored(long projectId, long environmentId, DeploymentKind kind, DeploymentState state,
            String requestedBy, Instant requestedAt, AppConfig config, String fromRevision, String toRevision,
            String summary, Optional<Instant> finishedAt, String outcome) {}

    /** Written at once (flushed), so the id is known; waits for its outcome (COMMITTED). Returns the id. */
    long record(NewDeployment deployment);

    /** Computed again: the file it was built on changed before its commit landed. */
    void replanned(long id, AppConfig config, String summary);

    /** The commit this deployment made. */
    void committed(long id, String fromRevision, String toRevision);

    /** A refresh (and sync) is owed to Argo CD: its timeout waits until that is delivered. */
    void awaitingDelivery(long id);

    Optional<DeploymentRecord> find(long id);

    /** One of this project in this environment, as it is now (without looking the two up again). */
    DeploymentRecord get(long id, ProjectSummary project, EnvironmentSummary environment);

    /** Newest first. */
    List<DeploymentRecord> of(ProjectSummary project, EnvironmentSummary environment);

    /** The newest deployment of every project (or of one) in every environment. */
    List<DeploymentRecord> latest(Optional<ProjectSummary> project);

    boolean exists(long id);

    /** A deployment written back with the id its commit names (recovery). */
    void restore(long id, Restored row);

    /** The highest deployment id the database holds (0: none). */
    long highestId();

    /**
     * The next id issued is above {@code highest} (and above every row): never lower than one it would have issued
     * anyway, so a call while other instances insert cannot make an id be issued twice.
     */
    void continueIdsAfter(long highest);
}
