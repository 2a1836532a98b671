package dev.plate.workloads.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.base.Subscription;
import dev.plate.base.UnavailableException;
import dev.plate.history.DeploymentEvents;
import dev.plate.history.DeploymentState;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.workloads.FailureEvidence;
import dev.plate.argocdserver.LogQuery;
import dev.plate.argocdserver.ResourceTree;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When a deployment is decided FAILED or TIMED_OUT (on the instance that decided it), gathers at once what shows why:
 * the unhealthy resources and their messages, the warning events, and the last log lines of crashing containers, and
 * keeps it with the deployment. Later the pods are gone and the events expired; this stays.
 */
@Component
class EvidenceGatherer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceGatherer.class);
    static final int LINES_PER_POD = 50;
    static final int MAX_PODS = 4;
    private static final Set<String> CRASHING = Set.of("CrashLoopBackOff", "Error", "OOMKilled", "RunContainerError");

    private final DeploymentEvents deployments;
    private final ArgoCdServer server;
    private final EventTimeline timeline;
    private final EvidenceStore store;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Subscription subscription;

    EvidenceGatherer(DeploymentEvents deployments, ArgoCdServer server, EventTimeline timeline, EvidenceStore store, Clock clock) {
        this.deployments = deployments;
        this.server = server;
        this.timeline = timeline;
        this.store = store;
        this.clock = clock;
    }

    private void onFinished(DeploymentEvents.Finished finished) {
        if (finished.state() == DeploymentState.FAILED || finished.state() == DeploymentState.TIMED_OUT) {
            executor.submit(() -> {
                try {
                    store.save(gather(finished.id(), finished.project(), finished.environment()));
                } catch (RuntimeException e) {
                    LOG.warn("Could not keep the evidence of deployment #{}: {}", finished.id(), e.getMessage(), e);
                }
            });
        }
    }

    FailureEvidence gather(long deploymentId, String project, String environment) {
        if (server.url().isEmpty()) {
            return new FailureEvidence(deploymentId, clock.instant(), List.of(), List.of(),
                    "No evidence gathered: " + ArgoCdServer.NOT_CONFIGURED);
        }
        String application = ApplicationManifests.applicationName(project, environment);
        var findings = new LinkedHashSet<String>();
        var logLines = new ArrayList<String>();
        String problem = "";
        try {
            var tree = server.tree(application);
            unhealthy(tree).forEach(findings::add);
            tree.outOfSync().forEach(r -> findings.add(r.kind() + " " + r.name() + " OutOfSync: the cluster differs "
                    + "from Git."));
            warnings(timeline.gather(tree, application)).forEach(findings::add);
            logLines.addAll(crashLogs(application, tree));
        } catch (UnavailableException e) {
            problem = "Evidence may be partial: " + e.getMessage();
        }
        return new FailureEvidence(deploymentId, clock.instant(), findings.stream()
                .limit(FailureEvidence.MAX_FINDINGS).toList(), logLines, problem);
    }

    /** Pods first (they say the most: ImagePullBackOff, CrashLoopBackOff), then what owns them and the rest. */
    static List<String> unhealthy(ResourceTree tree) {
        return tree.unhealthy().stream().sorted(Comparator.comparing((ResourceTree.Resource r) -> r.pod() ? 0 : 1))
                .map(EvidenceGatherer::finding).toList();
    }

    private static String finding(ResourceTree.Resource resource) {
        String state = resource.pod() && !resource.statusReason().isEmpty() ? resource.statusReason()
                : resource.health();
        String restarts = resource.restarts() > 0 ? " (restarted " + resource.restarts() + " times)" : "";
        String message = resource.healthMessage().isBlank() ? "" : ": " + resource.healthMessage().strip();
        return resource.kind() + " " + resource.name() + " " + state + restarts + message;
    }

    static List<String> warnings(List<ClusterEvent> events) {
        return events.stream().filter(ClusterEvent::warning).map(event -> "Warning " + event.reason() + " on "
                + event.kind() + " " + event.name() + ": " + event.message() + (event.count() > 1 ? " (×"
                + event.count() + ")" : "")).toList();
    }

    /** The crashed container's last lines (its previous run) or, when it did not restart yet, the current ones. */
    private List<String> crashLogs(String application, ResourceTree tree) {
        var lines = new ArrayList<String>();
        var crashing = tree.pods().stream().filter(pod -> CRASHING.contains(pod.statusReason())
                || (!"Healthy".equals(pod.health()) && pod.restarts() > 0)).limit(MAX_PODS).toList();
        for (var pod : crashing) {
            var previous = read(application, pod.name(), pod.restarts() > 0);
            lines.addAll(previous.isEmpty() && pod.restarts() > 0 ? read(application, pod.name(), false)
                    : previous);
            if (lines.size() >= FailureEvidence.MAX_LOG_LINES) {
                break;
            }
        }
        return lines.stream().limit(FailureEvidence.MAX_LOG_LINES).toList();
    }

    private List<String> read(String application, String pod, boolean previous) {
        var query = new LogQuery(Optional.of(pod), Optional.empty(), false, previous, Optional.empty(),
                OptionalInt.of(LINES_PER_POD), Optional.empty());
        var lines = new ArrayList<String>();
        try (var stream = server.logs(application, query)) {
            for (var line = stream.next(); line.isPresent(); line = stream.next()) {
                lines.add(pod + (previous ? " (previous)" : "") + ": " + line.get().content());
            }
        } catch (UnavailableException e) {
            lines.add(pod + ": logs not available: " + e.getMessage());
        }
        return lines;
    }

    @Override
    public void start() {
        subscription = deployments.subscribe(this::onFinished);
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
