package dev.plate.workloads;

import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.LogQuery;
import dev.plate.argocdserver.ResourceTree;
import dev.plate.base.Subscription;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * What runs for a project in an environment, as Argo CD's API server sees it. Every method refuses a project that is
 * not in the environment ({@link dev.plate.base.NotFoundException}) and says what is missing when Argo CD's API server
 * is not configured or does not answer ({@link dev.plate.base.UnavailableException}).
 */
public interface Workloads {

    /** Whether Argo CD's API server is configured; when not, the message says what to configure. */
    Availability availability();

    /** The Application's resources: Deployment → ReplicaSet → Pods, Services, Ingresses…, with health. */
    @PreAuthorize("hasRole('VIEWER')")
    ResourceTree resources(String project, String environment);

    /** One timeline of the events of the Application and of all its resources, newest first. */
    @PreAuthorize("hasRole('VIEWER')")
    List<ClusterEvent> events(String project, String environment);

    /**
     * Streams log lines to {@code sink} on a background thread until the stream ends, fails or the returned
     * subscription is closed. A followed stream is shared by everyone who follows the same pods, so many watchers
     * cost one upstream stream. Needs the environment's log role ({@link #mayReadLogs}); every call is audited.
     *
     * @throws org.springframework.security.access.AccessDeniedException without the log role
     */
    Subscription logs(String project, String environment, LogQuery query, LogSink sink);

    /**
     * Whether the signed-in user may read the logs of this project in this environment: DEVELOPER (or the role the
     * environment asks) in the project's team, or Plate-wide.
     */
    boolean mayReadLogs(String project, String environment);

    /** What was gathered when a deployment failed or timed out: unhealthy resources, warnings, the last log lines. */
    @PreAuthorize("hasRole('VIEWER')")
    Optional<FailureEvidence> evidence(long deploymentId);

    /**
     * @param configured whether Plate has Argo CD's API server's URL and a token
     * @param message what is connected, or what to configure
     */
    record Availability(boolean configured, String message) {}
}
