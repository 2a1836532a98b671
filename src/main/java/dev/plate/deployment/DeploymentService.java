package dev.plate.deployment;

import dev.plate.chart.AppConfig;
import dev.plate.history.DeploymentRecord;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Imports and deployments: each is one commit to the config repository, one row per environment changed,
 * and an audit event. Who may change a project is decided by its team ({@link dev.plate.teams.TeamAccess}): the
 * annotations here only keep out people with no role; the service checks the role in the project's team (DEVELOPER to
 * import, deploy and retry; MAINTAINER to promote, roll back, remove, and to deploy to a protected environment).
 */
public interface DeploymentService {

    @PreAuthorize("hasRole('VIEWER')")
    ImportResult importProject(ImportRequest request);

    @PreAuthorize("hasRole('VIEWER')")
    DeploymentRecord deploy(DeployRequest request);

    /**
     * Copies the image of one environment (and, if asked, its whole configuration) to the next environment
     * in promotion order.
     */
    @PreAuthorize("hasRole('VIEWER')")
    DeploymentRecord promote(PromoteRequest request);

    /**
     * Restores the configuration of an earlier deployment as a new commit (history is never rewritten, so it
     * works with automated sync). Without a deployment id, goes back to the last different one.
     */
    @PreAuthorize("hasRole('VIEWER')")
    DeploymentRecord rollback(RollbackRequest request);

    /**
     * Sends the last deployment of an environment to Argo CD again — a refresh, and the sync where the environment
     * does not sync by itself — when it failed or timed out (the image was not pulled yet, Argo CD was away): a new
     * deployment of kind RETRY with the same configuration and no new commit. Anything else is refused.
     */
    @PreAuthorize("hasRole('VIEWER')")
    DeploymentRecord retry(String project, String environment);

    /**
     * Works a change out as doing it would, committing nothing, for a request in an environment whose changes wait
     * for approvals: asking needs the DEVELOPER role in the project's team there, whatever the protection (the
     * approvers are the second pair of eyes).
     */
    @PreAuthorize("hasRole('VIEWER')")
    PlannedChange plan(ChangeRequest request);

    /**
     * Commits a planned change exactly as planned, on the requester's behalf, naming who approved it. Only for a
     * request whose approvals the caller checked. Empty, committing nothing, when the environment's values file is no
     * longer what the change was planned against: the change would not be the one approved.
     *
     * @param approval how the commit and the audit name the approval: "approved by lee, kim (request #12)"
     */
    @PreAuthorize("hasRole('VIEWER')")
    java.util.Optional<DeploymentRecord> commitPlanned(PlannedChange change, String requester, String approval);

    /** What {@link #deploy} would commit now (validated the same way), committing nothing. */
    @PreAuthorize("hasRole('VIEWER')")
    ChangePreview preview(DeployRequest request);

    /** What {@link #promote} would commit now: what changes in the target environment. */
    @PreAuthorize("hasRole('VIEWER')")
    ChangePreview preview(PromoteRequest request);

    /** What {@link #rollback} would commit now: what is restored. */
    @PreAuthorize("hasRole('VIEWER')")
    ChangePreview preview(RollbackRequest request);

    /**
     * Removes a project: its chart and every environment's files go in one commit, its rows with it; the
     * audit trail stays. {@code confirmation} must repeat the project's name.
     */
    @PreAuthorize("hasRole('VIEWER')")
    void deleteProject(String project, String confirmation);

    @PreAuthorize("hasRole('VIEWER')")
    AppConfig currentConfig(String project, String environment);

    @PreAuthorize("hasRole('VIEWER')")
    List<DeploymentRecord> history(String project, String environment);

    /**
     * The newest deployment of every project in every environment (of one project, when given): what lists of
     * many projects show, read in one query rather than one per project and environment.
     */
    @PreAuthorize("hasRole('VIEWER')")
    List<DeploymentRecord> latest(java.util.Optional<String> project);

    /** What one deployment's commit changed in its environment's files (the diff it applied). */
    @PreAuthorize("hasRole('VIEWER')")
    ChangePreview applied(long id);

    /** One deployment by id, so a client can wait for its outcome. */
    @PreAuthorize("hasRole('VIEWER')")
    DeploymentRecord deployment(long id);
}
