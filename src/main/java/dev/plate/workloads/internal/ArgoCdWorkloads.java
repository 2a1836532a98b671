package dev.plate.workloads.internal;

import dev.plate.argocd.ApplicationManifests;
import dev.plate.argocdserver.ArgoCdServer;
import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.Subscription;
import dev.plate.base.UnavailableException;
import dev.plate.environment.EnvironmentService;
import dev.plate.project.ProjectService;
import dev.plate.security.CurrentUser;
import dev.plate.security.Role;
import dev.plate.teams.TeamAccess;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.workloads.FailureEvidence;
import dev.plate.argocdserver.LogQuery;
import dev.plate.workloads.LogSink;
import dev.plate.argocdserver.ResourceTree;
import dev.plate.workloads.Workloads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Workloads} from Argo CD's API server: checks the project and the reader's rights, audits log access. */
@Service
class ArgoCdWorkloads implements Workloads {

    private final ArgoCdServer server;
    private final EventTimeline timeline;
    private final LogHub logs;
    private final EvidenceStore evidence;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final LogProperties logAccess;
    private final CurrentUser user;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    private final TeamAccess access;

    ArgoCdWorkloads(ArgoCdServer server, EventTimeline timeline, LogHub logs,
            EvidenceStore evidence, ProjectService projects, EnvironmentService environments,
            LogProperties logAccess, CurrentUser user, AuditLog audit, TransactionTemplate transaction,
            TeamAccess access) {
        this.access = access;
        this.transaction = transaction;
        this.server = server;
        this.timeline = timeline;
        this.logs = logs;
        this.evidence = evidence;
        this.projects = projects;
        this.environments = environments;
        this.logAccess = logAccess;
        this.user = user;
        this.audit = audit;
    }

    @Override
    public Availability availability() {
        return server.url().map(url -> new Availability(true, "Argo CD's API server at " + url))
                .orElseGet(() -> new Availability(false, ArgoCdServer.NOT_CONFIGURED));
    }

    @Override
    public ResourceTree resources(String project, String environment) {
        String application = application(project, environment);
        return server.tree(application);
    }

    @Override
    public List<ClusterEvent> events(String project, String environment) {
        String application = application(project, environment);
        return timeline.of(application);
    }

    @Override
    public Subscription logs(String project, String environment, LogQuery query, LogSink sink) {
        String application = application(project, environment);
        access.require(teamOf(project), logRole(environment), "reading the logs of " + environment);
        String url = serverUrl();
        // Recorded before any line is read: a read that fails upstream was still an access.
        transaction.executeWithoutResult(status -> audit.record(user.name(), "logs.read", "project:" + project + "/"
                + environment, describe(query)));
        return query.follow() ? logs.follow(url, application, query, sink) : logs.read(application, query, sink);
    }

    @Override
    public boolean mayReadLogs(String project, String environment) {
        return access.may(teamOf(project), logRole(environment));
    }

    private Optional<String> teamOf(String project) {
        return projects.find(project).flatMap(dev.plate.project.ProjectSummary::team);
    }

    @Override
    public Optional<FailureEvidence> evidence(long deploymentId) {
        return evidence.find(deploymentId);
    }

    private Role logRole(String environment) {
        return logAccess.maintainerOnly().contains(environment) ? Role.MAINTAINER : Role.DEVELOPER;
    }

    private String application(String project, String environment) {
        if (projects.find(project).isEmpty()) {
            throw new NotFoundException("There is no project " + project + ".");
        }
        if (environments.find(environment).isEmpty()) {
            throw new NotFoundException("There is no environment " + environment + ".");
        }
        return ApplicationManifests.applicationName(project, environment);
    }

    private String serverUrl() {
        return server.url().orElseThrow(() -> new UnavailableException(ArgoCdServer.NOT_CONFIGURED,
                Duration.ofMinutes(1)));
    }

    private static String describe(LogQuery query) {
        var parts = new java.util.ArrayList<String>();
        parts.add(query.pod().map(pod -> "pod " + pod).orElse("all pods"));
        query.container().ifPresent(container -> parts.add("container " + container));
        if (query.follow()) {
            parts.add("follow");
        }
        if (query.previous()) {
            parts.add("previous");
        }
        query.since().ifPresent(since -> parts.add("since " + since.toSeconds() + " s"));
        query.tail().ifPresent(tail -> parts.add("tail " + tail));
        query.filter().ifPresent(filter -> parts.add("search"));
        return String.join(", ", parts);
    }
}
