package dev.plate.deployment.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigRules;
import dev.plate.deployment.DeploymentKind;
import dev.plate.deployment.DeploymentRecord;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ChangeSet;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
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
    private final DeploymentRepository deployments;
    private final Actors actors;
    private final AuditLog audit;
    private final ArgoCdSync argoCd;
    private final DeploymentMetrics metrics;
    private final Clock clock;

    ConfigChanges(ConfigFiles files, TransactionalCommits commits, AppConfigRepository configs,
            DeploymentRepository deployments, Actors actors, AuditLog audit, ArgoCdSync argoCd,
            DeploymentMetrics metrics, Clock clock) {
        this.argoCd = argoCd;
        this.metrics = metrics;
        this.files = files;
        this.commits = commits;
        this.configs = configs;
        this.deployments = deployments;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param change computes the new configuration from the current one (under the row lock)
     * @param description what the change is, for the commit message: "to staging", "from dev to staging"
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DeploymentRecord apply(ProjectSummary project, EnvironmentSummary env, DeploymentKind kind,
            UnaryOperator<AppConfig> change, String description) {
        String actor = actors.current();
        var row = configs.lockFor(project.id(), env.id()).orElseThrow(() -> new NotFoundException(
                "Project " + project.name() + " has no configuration for " + env.name() + "."));
        AppConfig current = AppConfigJson.read(row.configJson());
        AppConfig next = AppConfigRules.validate(change.apply(current));
        if (next.equals(current)) {
            throw new ValidationException("imageTag", project.name() + " in " + env.name()
                    + " already runs this image and configuration: nothing to change.");
        }
        String summary = ChangeSummary.of(current, next);
        String verb = kind.name().toLowerCase(Locale.ROOT);
        var commit = commits.commit(ChangeSet.writing(verb + " " + project.name() + " " + description + ": "
                + summary, actors.author(actor), Map.of(RepoLayout.valuesFile(project.name(), env.name()),
                files.values(project, next))));
        String json = AppConfigJson.write(next);
        row.update(json, commit.sha(), clock.instant());
        var saved = deployments.save(new DeploymentEntity(project.id(), env.id(), kind, actor, clock.instant(),
                next.imageTag(), commit.previousSha(), commit.sha(), json, summary));
        audit.record(actor, "deployment." + verb, "project:" + project.name() + "/" + env.name(),
                description + ": " + summary + ", commit " + commit.sha());
        argoCd.refreshAfterCommit(project.name(), env, actor, commit.sha());
        metrics.committed(kind);
        return DeploymentRecords.of(saved, project, env);
    }
}
