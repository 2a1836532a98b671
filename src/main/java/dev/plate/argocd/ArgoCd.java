package dev.plate.argocd;

import dev.plate.environment.EnvironmentSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plate's writes to Argo CD: the Applications and AppProject of each project, refreshes and manual syncs. Each
 * call patches only the fields Plate owns, never the status Argo CD writes. Calls fail with
 * {@link ArgoCdException} when the cluster cannot be reached; Git stays the truth and a later
 * {@link #reconcile} catches up.
 */
public interface ArgoCd {

    /** Whether a management cluster is configured at all. */
    boolean connected();

    /** Argo CD's namespace in the connection in use (written into the committed Application files too). */
    String namespace();

    /** Creates or updates the project's AppProject and one Application per environment. */
    void applyProject(String project, List<EnvironmentSummary> environments, String repoUrl);

    /** Deletes the project's Applications (Argo CD then deletes what they deployed) and its AppProject. */
    void removeProject(String project);

    /**
     * Asks Argo CD to look at the repository now instead of at its next poll; with {@code syncAs}, also starts a
     * sync of {@code revision} initiated by that user (for environments that do not sync by themselves).
     */
    void refresh(String project, String environment, Optional<SyncRequest> sync);

    /**
     * Makes the cluster match what Plate wants: every wanted project and environment has its objects as Plate
     * writes them, and Plate-managed objects of projects that are gone are deleted.
     *
     * @param wanted environments per project
     */
    ReconcileResult reconcile(Map<String, List<EnvironmentSummary>> wanted, String repoUrl);

    /**
     * Keeps Argo CD's credentials for the config repository: one Secret labelled
     * {@code argocd.argoproj.io/secret-type: repository}, created or replaced; empty removes it.
     */
    void applyRepository(Optional<RepositoryCredentials> credentials);

    /** The repository Secret Plate keeps, as it is in the cluster now. */
    Optional<RepositoryCredentials> repository();

    /**
     * Read-only credentials Argo CD clones the config repository with.
     *
     * @param expiresAt when the credential ends, if Plate knows (it rotates it before then)
     */
    record RepositoryCredentials(String url, String username, String password, Optional<java.time.Instant> expiresAt) {
        @Override
        public String toString() {
            return "RepositoryCredentials[" + url + ", " + username + ", ***]";
        }
    }

    record SyncRequest(String user, String revision) {}

    record ReconcileResult(int created, int updated, int deleted, int unchanged) {}
}
