package dev.plate.api.internal;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.ValidationException;
import dev.plate.chart.ChartDependency;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentRecord;
import dev.plate.history.DeploymentState;
import dev.plate.project.ProjectSummary;
import dev.plate.workloads.Workloads;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The API's answers, shaped from the services' records in one place: the services' records can change without
 * breaking clients, and every endpoint answers a deployment or a project the same way.
 */
@Component
class ApiViews {

    record Environment(String name, int position, String cluster, String namespacePattern, boolean autoSync,
            boolean protectedEnvironment, Approvals approvals) {}

    /** An environment's approval policy; {@code required} 0: changes are committed at once. */
    record Approvals(Integer required, String approverRole, Boolean teamOnly, Boolean requesterMayApprove,
            Long expiryMinutes) {

        static Approvals of(dev.plate.environment.ApprovalPolicy policy) {
            return new Approvals(policy.required(), policy.approverRole().name(), policy.teamOnly(),
                    policy.requesterMayApprove(), policy.expiry().toMinutes());
        }
    }

    /**
     * A deployment request waiting for (or decided by) approvals.
     *
     * @param diff the values file's change as previewed when it was asked for, unified: lines start with '+', '-' or
     *     ' ', and {@code @@ N unchanged lines @@} stands for lines left out
     * @param deployment the deployment it became, once committed
     */
    record Request(long id, String project, String environment, String kind, String description, String state,
            String requestedBy, Instant requestedAt, Instant expiresAt, int required, long approvals,
            List<RequestDecision> decisions, Long deployment, String reason, String file, String diff,
            boolean mayDecide, boolean mayCancel) {}

    record RequestDecision(String username, String decision, String comment, Instant at) {}

    Request request(dev.plate.approvals.RequestView view) {
        var file = view.preview().files().getFirst();
        var diff = new StringBuilder();
        for (var line : file.diff()) {
            diff.append(switch (line.kind()) {
                case ADDED -> "+" + line.text();
                case REMOVED -> "-" + line.text();
                case SKIPPED -> "@@ " + line.text() + " unchanged lines @@";
                case CONTEXT -> " " + line.text();
            }).append('\n');
        }
        return new Request(view.id(), view.project(), view.environment(), view.kind().name(), view.description(),
                view.state().name(), view.requestedBy(), view.requestedAt(), view.expiresAt(), view.required(),
                view.approvals(), view.decisions().stream().map(d -> new RequestDecision(d.username(), d.approved()
                        ? "APPROVED" : "REJECTED", d.comment(), d.at())).toList(), view.deploymentId().orElse(null),
                view.reason().orElse(null), file.path(), diff.toString(), view.mayDecide(), view.mayCancel());
    }

    /** A change made at once (201, the deployment), or asked for where approvals are needed (202, the request). */
    org.springframework.http.ResponseEntity<Object> outcome(dev.plate.approvals.DeploymentRequests.Outcome outcome) {
        if (outcome.deployment().isPresent()) {
            return org.springframework.http.ResponseEntity.status(201).body(deployment(outcome.deployment().get()));
        }
        var request = outcome.request().orElseThrow();
        return org.springframework.http.ResponseEntity.status(202).header("Location", "/api/v1/requests/"
                + request.id()).body(request(request));
    }

    record EnvironmentStatus(String name, String imageTag, Long lastDeployment, String state, String sync,
            String health, String message) {}

    record Project(String name, String imageRepository, int containerPort, String healthPath, List<String> owners,
            Optional<String> sourceRepoUrl, List<ChartDependency> dependencies, List<EnvironmentStatus> environments,
            Optional<String> team) {}

    /**
     * @param argoCd whether Argo CD is watched (LIVE), being reconnected, or not configured: a client waiting for
     *     the outcome stops when there is nothing that could decide it
     */
    record Deployment(long id, String project, String environment, String kind, String state, String requestedBy,
            Instant requestedAt, String imageTag, String commit, String summary, Optional<Instant> finishedAt,
            String outcome, String argoCd, Optional<Evidence> evidence) {}

    /**
     * Why a deployment failed, as gathered when it did (absent while it is being gathered, a moment after the
     * outcome): see {@link dev.plate.workloads.FailureEvidence}.
     */
    record Evidence(Instant gatheredAt, List<String> findings, List<String> logLines, String problem) {}

    private final ApplicationStatuses statuses;
    private final Workloads workloads;

    ApiViews(ApplicationStatuses statuses, Workloads workloads) {
        this.statuses = statuses;
        this.workloads = workloads;
    }

    Deployment deployment(DeploymentRecord record) {
        boolean failed = record.state() == DeploymentState.FAILED || record.state() == DeploymentState.TIMED_OUT;
        var evidence = failed ? workloads.evidence(record.id()).map(e -> new Evidence(e.gatheredAt(), e.findings(),
                e.logLines(), e.problem())) : Optional.<Evidence>empty();
        return new Deployment(record.id(), record.project(), record.environment(), record.kind().name(),
                record.state().name(), record.requestedBy(), record.requestedAt(), record.imageTag(),
                record.toRevision(), record.summary(), record.finishedAt(), record.outcome(), argoCd(), evidence);
    }

    Environment environment(EnvironmentSummary env) {
        return new Environment(env.name(), env.position(), env.clusterServer(), env.namespacePattern(), env.autoSync(),
                env.protectedEnvironment(), Approvals.of(env.approvals()));
    }

    /** @param latest each environment's newest deployment, by "project/environment" ({@link #latest}) */
    Project project(ProjectSummary project, List<EnvironmentSummary> order, Map<String, DeploymentRecord> latest) {
        var perEnvironment = order.stream().map(env -> {
            var last = Optional.ofNullable(latest.get(project.name() + "/" + env.name()));
            var status = statuses.of(project.name(), env.name());
            return new EnvironmentStatus(env.name(), last.map(DeploymentRecord::imageTag).orElse(null),
                    last.map(DeploymentRecord::id).orElse(null), last.map(d -> d.state().name()).orElse(null),
                    status.map(s -> s.sync()).orElse(null), status.map(s -> s.health()).orElse(null),
                    status.map(s -> s.healthMessage()).filter(m -> !m.isBlank()).orElse(null));
        }).toList();
        return new Project(project.name(), project.imageRepository(), project.containerPort(), project.healthPath(),
                project.owners(), project.sourceRepoUrl(), project.dependencies(), perEnvironment, project.team());
    }

    static Map<String, DeploymentRecord> latest(List<DeploymentRecord> records) {
        var byKey = new HashMap<String, DeploymentRecord>();
        records.forEach(record -> byKey.put(record.project() + "/" + record.environment(), record));
        return byKey;
    }

    /** Whether Argo CD is watched now, for a client deciding whether to wait for an outcome. */
    String argoCd() {
        return statuses.connection().state().name();
    }

    /** A missing name would otherwise be looked up as 'null' and answered 404. */
    static void required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, message);
        }
    }
}
