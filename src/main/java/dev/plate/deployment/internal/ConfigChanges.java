package dev.plate.deployment.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigJson;
import dev.plate.chart.ChangeRules;
import dev.plate.deployment.ChangePreview;
import dev.plate.deployment.DeploymentTrailers;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.ChangedMeanwhileException;
import dev.plate.gitops.CommitResult;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.gitops.TextDiff;
import dev.plate.history.DeploymentHistory;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectSummary;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an environment's configuration changes — deploy, promote and rollback all come here: lock the
 * app's row, compute the new configuration from the current one, validate it, commit it, record it.
 */
@Component
class ConfigChanges {

    private final ConfigFiles files;
    private final TransactionalCommits commits;
    private final AppConfigRepository configs;
    private final DeploymentHistory history;
    private final Actors actors;
    private final AuditLog audit;
    private final dev.plate.deployment.ClusterDelivery delivery;
    private final Clock clock;
    private final ConfigRepository repository;
    private final ValuesInGit valuesInGit;

    ConfigChanges(ValuesInGit valuesInGit, ConfigFiles files, TransactionalCommits commits, AppConfigRepository configs,
            DeploymentHistory history, Actors actors, AuditLog audit, dev.plate.deployment.ClusterDelivery delivery,
            Clock clock, ConfigRepository repository) {
        this.repository = repository;
        this.valuesInGit = valuesInGit;
        this.delivery = delivery;
        this.files = files;
        this.commits = commits;
        this.configs = configs;
        this.history = history;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** A change worked out: what it would commit, and the configuration it commits. */
    record Worked(ChangePreview preview, AppConfig next) {}

    /**
     * What {@link #apply} would commit now, by the same rules, committing nothing: the values file before (as it
     * is in the repository) and after, with the diff. A change that changes nothing is not refused here; the
     * preview says so.
     */
    @Transactional(readOnly = true)
    Worked preview(ProjectSummary project, EnvironmentSummary env, DeploymentKind kind,
            UnaryOperator<AppConfig> change, String description) {
        var row = configs.findByProjectIdAndEnvironmentId(project.id(), env.id()).orElseThrow(() -> new NotFoundException(
                "Project " + project.name() + " has no configuration for " + env.name() + "."));
        var inGit = valuesInGit.read(project, env, AppConfigJson.read(row.configJson()));
        AppConfig current = inGit.config();
        AppConfig next = ChangeRules.validate(project.chart(), current, change.apply(current));
        String path = RepoLayout.valuesFile(project.name(), env.name());
        String after = new String(files.values(project, next), StandardCharsets.UTF_8);
        String before = repository.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseGet(() -> new String(files.values(project, current), StandardCharsets.UTF_8));
        String message = kind.name().toLowerCase(Locale.ROOT) + " " + project.name() + " " + description + ": "
                + summary(current, next, inGit);
        var diff = TextDiff.of(before, after, 3);
        return new Worked(new ChangePreview(project.name(), env.name(), !next.equals(current), message,
                diff.isEmpty() ? List.of() : List.of(new ChangePreview.FileChange(path, before, after, diff))), next);
    }

    /**
     * An approved request's change: committed on its requester's behalf, the approval named, only while the values
     * file is what it was planned against (else empty, nothing committed).
     *
     * @param plannedAgainst the values file's content when the change was planned
     * @param planned the values file's content after it, as the approvers saw it
     * @param approval "approved by lee, kim (request #12)"
     */
    record Approved(String requester, String plannedAgainst, String planned, String approval) {}

    /**
     * @param change computes the new configuration from the current one (under the row lock)
     * @param description what the change is, for the commit message: "to staging", "from dev to staging"
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DeploymentRecord apply(ProjectSummary project, EnvironmentSummary env, DeploymentKind kind,
            UnaryOperator<AppConfig> change, String description) {
        return apply(project, env, kind, change, description, null).orElseThrow();
    }

    /** @param approved for an approved request's change; null for one made by the person acting */
    @Transactional(propagation = Propagation.MANDATORY)
    java.util.Optional<DeploymentRecord> apply(ProjectSummary project, EnvironmentSummary env, DeploymentKind kind,
            UnaryOperator<AppConfig> change, String description, Approved approved) {
        commits.requireReady(); // before any row: an id taken now could be one Git still names (start-up check)
        String actor = approved == null ? actors.current() : approved.requester();
        String approval = approved == null ? "" : "; " + approved.approval();
        var row = configs.lockFor(project.id(), env.id()).orElseThrow(() -> new NotFoundException(
                "Project " + project.name() + " has no configuration for " + env.name() + "."));
        String verb = kind.name().toLowerCase(Locale.ROOT);
        String path = RepoLayout.valuesFile(project.name(), env.name());
        Long saved = null; // the deployment's id, once recorded
        for (int attempt = 1; ; attempt++) {
            // Built on the file as it is in Git: if it changes before the commit lands (another instance, a push),
            // the commit is refused and the change computed again from what the file holds then.
            var inGit = valuesInGit.read(project, env, AppConfigJson.read(row.configJson()));
            AppConfig current = inGit.config();
            // Read as the preview reads it: a values file missing from Git is the recorded configuration's.
            String before = inGit.read().map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElseGet(() -> new String(files.values(project, current), StandardCharsets.UTF_8));
            AppConfig next = ChangeRules.validate(project.chart(), current, change.apply(current));
            if (approved != null && (!before.equals(approved.plannedAgainst()) || !new String(files.values(project,
                    next), StandardCharsets.UTF_8).equals(approved.planned()))) {
                // Not the change that was approved any more (the file moved on, or the chart renders it otherwise).
                return java.util.Optional.empty();
            }
            if (next.equals(current)) {
                throw new ValidationException("imageTag", project.name() + " in " + env.name()
                        + " already runs this image and configuration: nothing to change.");
            }
            String summary = summary(current, next, inGit);
            if (saved == null) {
                saved = history.record(new DeploymentHistory.NewDeployment(project.id(), env.id(), kind, actor,
                        clock.instant(), next, row.revision(), DeploymentHistory.NOT_YET_COMMITTED, summary));
            } else {
                history.replanned(saved, next, summary);
            }
            CommitResult commit;
            try {
                commit = commits.commit(ChangeSet.writing(DeploymentTrailers.append(verb + " " + project.name() + " "
                        + description + ": " + summary + approval, Map.of(env.name(), saved)), actors.author(actor),
                        Map.of(path, files.values(project, next))).expecting(path, inGit.read()));
            } catch (ChangedMeanwhileException e) {
                if (approved != null) {
                    throw e; // changed under the approval: all of it rolls back, and the next try finds it stale
                }
                if (attempt == 3) {
                    throw e;
                }
                continue;
            }
            history.committed(saved, commit.previousSha(), commit.sha());
            row.update(AppConfigJson.write(next), commit.sha(), clock.instant());
            audit.record(actor, "deployment." + verb, "project:" + project.name() + "/" + env.name(),
                    description + ": " + summary + approval + ", commit " + commit.sha());
            if (delivery.changeCommitted(saved, project.name(), env, actor, commit.sha())) {
                history.awaitingDelivery(saved);
            }
            return java.util.Optional.of(history.get(saved, project, env));
        }
    }

    /** What the change does, and the outside edit it keeps (built on what Git holds, it never undoes one). */
    private static String summary(AppConfig current, AppConfig next, ValuesInGit.Current inGit) {
        String summary = dev.plate.chart.ChangeSummary.of(current, next) + inGit.outsideEdit().map(edit -> "; keeps " + edit)
                .orElse("");
        return summary.length() > 500 ? summary.substring(0, 499) + "…" : summary;
    }
}
