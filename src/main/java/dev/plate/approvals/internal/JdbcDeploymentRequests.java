package dev.plate.approvals.internal;

import dev.plate.approvals.DeploymentRequests;
import dev.plate.approvals.RequestState;
import dev.plate.approvals.RequestView;
import dev.plate.audit.AuditLog;
import dev.plate.base.ConflictException;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.deployment.ChangePreview;
import dev.plate.deployment.ChangeRequest;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.PlannedChange;
import dev.plate.deployment.PromoteRequest;
import dev.plate.deployment.RollbackRequest;
import dev.plate.environment.ApprovalPolicy;
import dev.plate.environment.EnvironmentService;
import dev.plate.gitops.TextDiff;
import dev.plate.history.DeploymentKind;
import dev.plate.project.ProjectService;
import dev.plate.security.CurrentUser;
import dev.plate.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests in two tables: the request with its planned change (the values file before and after, and the
 * configuration to commit), and one decision per person. A request is locked while it is decided, so two approvals
 * arriving at once are counted one after the other and the change is committed once.
 */
@Service
@Transactional
class JdbcDeploymentRequests implements DeploymentRequests {

    static final int MAX_COMMENT = 1000;
    private static final String COLUMNS = "id, project, environment, kind, description, commit_message, values_path, "
            + "before_text, after_text, config_json, requested_by, requested_at, expires_at, state, deployment_id, "
            + "reason, project_id";

    private final JdbcTemplate jdbc;
    private final DeploymentService deployments;
    private final EnvironmentService environments;
    private final ProjectService projects;
    private final ApproverRules rules;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;
    private final RequestMetrics metrics;
    private final dev.plate.notifications.Notifier notifier;

    JdbcDeploymentRequests(JdbcTemplate jdbc, DeploymentService deployments, EnvironmentService environments,
            ProjectService projects, ApproverRules rules, CurrentUser user, AuditLog audit, Clock clock,
            RequestMetrics metrics, dev.plate.notifications.Notifier notifier) {
        this.metrics = metrics;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.deployments = deployments;
        this.environments = environments;
        this.projects = projects;
        this.rules = rules;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Outcome submit(ChangeRequest change) {
        var env = environments.find(change.targetEnvironment() == null ? "" : change.targetEnvironment());
        if (env.isEmpty() || !env.get().approvals().applies()) {
            // No approvals here (or no such environment, which the deployment service names): made at once.
            return new Outcome(Optional.of(switch (change) {
                case DeployRequest deploy -> deployments.deploy(deploy);
                case PromoteRequest promote -> deployments.promote(promote);
                case RollbackRequest rollback -> deployments.rollback(rollback);
            }), Optional.empty());
        }
        PlannedChange planned = deployments.plan(change);
        var file = planned.preview().files().getFirst();
        // By id too: a project removed and imported again under its name is not the one this request is about.
        long projectId = projects.find(planned.project()).orElseThrow().id();
        Instant now = clock.instant();
        String me = user.name();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into deployment_request (project, environment, kind, "
                    + "description, commit_message, values_path, before_text, after_text, config_json, requested_by, "
                    + "requested_at, expires_at, state, project_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', "
                    + "?)",
                    new String[] {"id"});
            insert.setString(1, planned.project());
            insert.setString(2, planned.environment());
            insert.setString(3, planned.kind().name());
            insert.setString(4, cut(planned.description(), 255));
            insert.setString(5, cut(planned.preview().commitMessage(), 1000));
            insert.setString(6, file.path());
            insert.setString(7, file.before());
            insert.setString(8, file.after());
            insert.setString(9, planned.configJson());
            insert.setString(10, me);
            insert.setTimestamp(11, Timestamp.from(now));
            insert.setTimestamp(12, Timestamp.from(now.plus(env.get().approvals().expiry())));
            insert.setLong(13, projectId);
            return insert;
        }, keys);
        long id = keys.getKey().longValue();
        audit.record(me, "request.created", target(planned.project(), planned.environment()), "#" + id + ": "
                + planned.preview().commitMessage() + "; waits for " + env.get().approvals().describe());
        var view = get(id);
        tell("request.created", view, me + " asks: " + view.title() + " (request #" + id + ", needs "
                + view.required() + (view.required() == 1 ? " approval" : " approvals") + ")");
        return new Outcome(Optional.empty(), Optional.of(view));
    }

    @Override
    public RequestView approve(long id, String comment) {
        var row = pending(id, "approve");
        var policy = policyOf(row);
        requireMayDecide(row, policy);
        String me = user.name();
        decide(row, me, true, comment(comment, false));
        // Counted under the policy now: a requester's own approval stops counting when the policy stops allowing it.
        var approvers = jdbc.queryForList("select username from deployment_request_decision where request_id = ? and "
                + "decision = 'APPROVED' order by decided_at, username", String.class, id).stream()
                .filter(name -> policy.requesterMayApprove() || !name.equals(row.requestedBy())).toList();
        int required = Math.max(1, policy.required());
        audit.record(me, "request.approved", target(row.project(), row.environment()), "#" + id + " (" + approvers.size()
                + " of " + required + ")" + (comment(comment, false).isEmpty() ? "" : ": " + comment.strip()));
        if (approvers.size() >= required) {
            commit(row, approvers);
        }
        return get(id);
    }

    /** The approvals are complete: the change as planned, or stale when the environment moved on. */
    private void commit(Row row, List<String> approvers) {
        var planned = new PlannedChange(row.project(), row.environment(), row.kind(), row.description(),
                new ChangePreview(row.project(), row.environment(), true, row.commitMessage(), List.of(
                        new ChangePreview.FileChange(row.valuesPath(), row.before(), row.after(), List.of()))),
                row.configJson());
        var committed = deployments.commitPlanned(planned, row.requestedBy(), "approved by "
                + String.join(", ", approvers) + " (request #" + row.id() + ")");
        if (committed.isPresent()) {
            finish(row.id(), RequestState.COMMITTED, committed.get().id(), null);
            audit.record(user.name(), "request.committed", target(row.project(), row.environment()), "#" + row.id()
                    + " committed as deployment #" + committed.get().id() + ", approved by " + String.join(", ",
                    approvers));
            tell("request.approved", get(row.id()), "Approved by " + String.join(", ", approvers) + ": "
                    + title(row) + " (request #" + row.id() + ") is committed as deployment #" + committed.get().id());
        } else {
            String why = row.valuesPath() + " changed after this change was asked for, so it would not be the change "
                    + "that was approved. Nothing was committed: ask again, and the approvers see the change as it is now.";
            finish(row.id(), RequestState.STALE, null, why);
            audit.record(user.name(), "request.stale", target(row.project(), row.environment()), "#" + row.id()
                    + ": " + why);
            tell("request.stale", get(row.id()), title(row) + " (request #" + row.id() + ") went stale: " + why);
        }
    }

    @Override
    public RequestView reject(long id, String comment) {
        String why = comment(comment, true);
        var row = pending(id, "reject");
        requireMayDecide(row, policyOf(row));
        String me = user.name();
        decide(row, me, false, why);
        finish(id, RequestState.REJECTED, null, "Rejected by " + me + ": " + why);
        audit.record(me, "request.rejected", target(row.project(), row.environment()), "#" + id + ": " + why);
        tell("request.rejected", get(id), me + " rejected " + title(row) + " (request #" + id + "): " + why);
        return get(id);
    }

    @Override
    public RequestView cancel(long id) {
        var row = pending(id, "cancel");
        String me = user.name();
        if (!row.requestedBy().equals(me) && !isAdmin()) {
            throw new AccessDeniedException("Only " + row.requestedBy() + ", who asked, or an administrator withdraws "
                    + "request #" + id + ".");
        }
        rules.tokenRefusal(team(row)).ifPresent(why -> {
            throw new AccessDeniedException(why);
        });
        finish(id, RequestState.CANCELLED, null, "Withdrawn by " + me + ".");
        audit.record(me, "request.cancelled", target(row.project(), row.environment()), "#" + id);
        return get(id);
    }

    @Override
    @Transactional(readOnly = true)
    public RequestView get(long id) {
        return jdbc.query("select " + COLUMNS + " from deployment_request where id = ?", JdbcDeploymentRequests::row, id)
                .stream().findFirst().map(this::view)
                .orElseThrow(() -> new NotFoundException("There is no request #" + id + "."));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequestView> list(Optional<String> project, boolean pendingOnly) {
        String where = (project.isPresent() ? " where project = ?" : " where 1 = 1")
                + (pendingOnly ? " and state = 'PENDING'" : "");
        Object[] args = project.<Object[]>map(name -> new Object[] {name}).orElse(new Object[0]);
        return jdbc.query("select " + COLUMNS + " from deployment_request" + where + " order by id desc limit 200",
                JdbcDeploymentRequests::row, args).stream().map(this::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RequestView> waitingForMe() {
        String me = user.name();
        return list(Optional.empty(), true).stream().filter(RequestView::mayDecide).filter(request -> request
                .decisions().stream().noneMatch(decision -> decision.username().equals(me))).toList();
    }

    /**
     * Withdraws the pending requests of projects removed since: nothing is left for them to change, and nobody
     * should be asked to decide them.
     */
    int cancelOrphans() {
        var orphans = jdbc.query("select " + COLUMNS + " from deployment_request r where state = 'PENDING' and not "
                + "exists (select 1 from project p where p.id = r.project_id)", JdbcDeploymentRequests::row);
        int cancelled = 0;
        for (var row : orphans) {
            if (jdbc.update("update deployment_request set state = 'CANCELLED', decided_at = ?, reason = ? where id = ? "
                    + "and state = 'PENDING'", Timestamp.from(clock.instant()), "The project was removed.", row.id())
                    == 1) {
                metrics.ended(RequestState.CANCELLED, Duration.between(row.requestedAt(), clock.instant()));
                audit.record("plate", "request.cancelled", target(row.project(), row.environment()), "#" + row.id()
                        + ": the project was removed");
                cancelled++;
            }
        }
        return cancelled;
    }

    private boolean projectStillThere(Row row) {
        return projects.find(row.project()).filter(project -> project.id() == row.projectId()).isPresent();
    }

    /** Marks the overdue pending requests expired; each once, whichever instance gets to it. */
    int expireOverdue() {
        var overdue = jdbc.query("select " + COLUMNS + " from deployment_request where state = 'PENDING' and expires_at "
                + "<= ?", JdbcDeploymentRequests::row, Timestamp.from(clock.instant()));
        int expired = 0;
        for (var row : overdue) {
            if (jdbc.update("update deployment_request set state = 'EXPIRED', decided_at = ?, reason = ? where id = ? "
                    + "and state = 'PENDING'", Timestamp.from(clock.instant()), "Nobody approved it by "
                    + row.expiresAt() + ".", row.id()) == 1) {
                metrics.ended(RequestState.EXPIRED, Duration.between(row.requestedAt(), clock.instant()));
                audit.record("plate", "request.expired", target(row.project(), row.environment()), "#" + row.id()
                        + " asked by " + row.requestedBy() + " at " + row.requestedAt());
                tell("request.expired", get(row.id()), title(row) + " (request #" + row.id() + ", asked by "
                        + row.requestedBy() + ") expired: nobody approved it in time.");
                expired++;
            }
        }
        metrics.count();
        return expired;
    }

    private RequestView view(Row row) {
        var decisions = jdbc.query("select username, decision, comment, decided_at from deployment_request_decision "
                + "where request_id = ? order by decided_at, username", (rs, i) -> new RequestView.Decision(
                rs.getString(1), "APPROVED".equals(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()),
                row.id());
        var policy = environments.find(row.environment()).map(env -> env.approvals()).orElse(ApprovalPolicy.NONE);
        boolean pending = row.state() == RequestState.PENDING && clock.instant().isBefore(row.expiresAt())
                && projectStillThere(row);
        boolean decided = decisions.stream().anyMatch(decision -> decision.username().equals(user.name()));
        boolean mayDecide = pending && !decided && rules.refusal(row.requestedBy(), policy, team(row)).isEmpty();
        boolean mayCancel = pending && (row.requestedBy().equals(user.name()) || isAdmin())
                && rules.tokenRefusal(team(row)).isEmpty();
        var diff = TextDiff.of(row.before(), row.after(), 3);
        var preview = new ChangePreview(row.project(), row.environment(), true, row.commitMessage(),
                List.of(new ChangePreview.FileChange(row.valuesPath(), row.before(), row.after(), diff)));
        return new RequestView(row.id(), row.project(), row.environment(), row.kind(), row.description(), preview,
                row.requestedBy(), row.requestedAt(), row.expiresAt(), row.state(), Math.max(1, policy.required()),
                decisions, Optional.ofNullable(row.deploymentId()), row.reason(), mayDecide,
                mayCancel);
    }

    /** The request, locked, if it still waits: anything else is refused with where it stands. */
    private Row pending(long id, String verb) {
        var row = jdbc.query("select " + COLUMNS + " from deployment_request where id = ? for update",
                JdbcDeploymentRequests::row, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("There is no request #" + id + "."));
        if (row.state() != RequestState.PENDING) {
            throw new ConflictException("state", "Request #" + id + " is " + row.state().word() + row.reason()
                    .map(why -> " (" + why + ")").orElse("") + ": there is nothing to " + verb + ".");
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            throw new ConflictException("state", "Request #" + id + " expired at " + row.expiresAt() + ": there is "
                    + "nothing to " + verb + "; ask again.");
        }
        if (!projectStillThere(row)) {
            throw new ConflictException("state", "Project " + row.project() + " was removed after request #" + id
                    + " was made: there is nothing to " + verb + ".");
        }
        return row;
    }

    private void requireMayDecide(Row row, ApprovalPolicy policy) {
        rules.refusal(row.requestedBy(), policy, team(row)).ifPresent(why -> {
            throw new AccessDeniedException(why);
        });
    }

    private void decide(Row row, String me, boolean approve, String comment) {
        if (jdbc.queryForObject("select count(*) from deployment_request_decision where request_id = ? and username = ?",
                Integer.class, row.id(), me) > 0) {
            throw new ConflictException("state", "You decided request #" + row.id() + " already.");
        }
        jdbc.update("insert into deployment_request_decision (request_id, username, decision, comment, decided_at) "
                + "values (?, ?, ?, ?, ?)", row.id(), me, approve ? "APPROVED" : "REJECTED", comment,
                Timestamp.from(clock.instant()));
    }

    private void finish(long id, RequestState state, Long deployment, String reason) {
        var asked = jdbc.queryForObject("select requested_at from deployment_request where id = ?", Timestamp.class, id);
        metrics.ended(state, Duration.between(asked.toInstant(), clock.instant()));
        jdbc.update("update deployment_request set state = ?, decided_at = ?, deployment_id = ?, reason = ? where id = ?",
                state.name(), Timestamp.from(clock.instant()), deployment, reason == null ? null : cut(reason, 1000), id);
    }

    /** The policy of the request's environment now; a request outlives its environment's removal only to be refused. */
    private ApprovalPolicy policyOf(Row row) {
        return environments.find(row.environment()).map(env -> env.approvals()).orElseThrow(() ->
                new ConflictException("environment", "Environment " + row.environment() + " no longer exists."));
    }

    private Optional<String> team(Row row) {
        return projects.find(row.project()).flatMap(project -> project.team());
    }

    private boolean isAdmin() {
        return user.role().filter(role -> role == Role.ADMIN).isPresent();
    }

    private static String comment(String comment, boolean required) {
        String text = comment == null ? "" : comment.strip();
        if (required && text.isEmpty()) {
            throw new ValidationException("comment", "Say why it is rejected: the person who asked reads it.");
        }
        if (text.length() > MAX_COMMENT || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new ValidationException("comment", "A comment is text of at most " + MAX_COMMENT + " characters.");
        }
        return text;
    }

    /** Queued for the channels that want it, in this transaction. */
    private void tell(String kind, RequestView request, String summary) {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("request", request.id());
        details.put("kind", request.kind().name());
        details.put("requestedBy", request.requestedBy());
        details.put("state", request.state().name());
        details.put("approvals", request.decisions().stream().filter(RequestView.Decision::approved)
                .map(RequestView.Decision::username).toList());
        request.deploymentId().ifPresent(deployment -> details.put("deployment", deployment));
        // The changed lines, bounded: a notification must never be too big to queue (it would refuse the decision).
        var changed = request.preview().files().getFirst().diff().stream().filter(line -> line.kind()
                != dev.plate.gitops.TextDiff.Kind.CONTEXT).map(line -> (line.kind() == dev.plate.gitops.TextDiff.Kind
                .ADDED ? "+" : line.kind() == dev.plate.gitops.TextDiff.Kind.REMOVED ? "-" : "@@ ") + cut(line.text(),
                200)).toList();
        details.put("diff", changed.size() > 40 ? changed.subList(0, 40) : changed);
        details.put("diffTruncated", changed.size() > 40);
        notifier.notify(new dev.plate.notifications.NotificationEvent(kind, request.project(), request.environment(),
                projects.find(request.project()).flatMap(project -> project.team()), cut(request.project() + ": "
                + summary, 2000), details));
    }

    private static String title(Row row) {
        return row.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + row.project() + " " + row.description();
    }

    private static String target(String project, String environment) {
        return "project:" + project + "/" + environment;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    private record Row(long id, String project, String environment, DeploymentKind kind, String description,
            String commitMessage, String valuesPath, String before, String after, String configJson,
            String requestedBy, Instant requestedAt, Instant expiresAt, RequestState state, Long deploymentId,
            Optional<String> reason, long projectId) {}

    private static Row row(ResultSet rs, int i) throws SQLException {
        long deploymentId = rs.getLong(15);
        Long deployment = rs.wasNull() ? null : deploymentId;
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), DeploymentKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(),
                RequestState.valueOf(rs.getString(14)), deployment,
                Optional.ofNullable(rs.getString(16)), rs.getLong(17));
    }
}
