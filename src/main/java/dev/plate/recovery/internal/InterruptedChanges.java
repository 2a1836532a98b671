package dev.plate.recovery.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.ValuesReader;
import dev.plate.deployment.DeploymentTrailers;
import dev.plate.deployment.RecordedConfigs;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.history.DeploymentHistory;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentState;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, finds what a crash between a commit and its database transaction left behind: an environment
 * whose values file in the repository says something its configuration row does not. Git is what Argo CD deploys,
 * so the row adopts what Git says, with a RECOVER deployment that names the commit (the same holds after a
 * database restored from an older backup). Never the other way round: rewriting Git to match the database would
 * silently undo deployments. Each row is compared under its lock, so a deploy in flight on another instance is
 * waited for, never mistaken for an interrupted one. A project in the repository without a row is only reported.
 */
@Component
class InterruptedChanges {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedChanges.class);

    private final ConfigRepository repository;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final RecordedConfigs configs;
    private final DeploymentHistory deployments;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final StartupCheck startup;
    private final HistoryFromGit history;
    private final Clock clock;

    InterruptedChanges(ConfigRepository repository, ProjectService projects, EnvironmentService environments,
            RecordedConfigs configs, DeploymentHistory deployments, AuditLog audit,
            PlatformTransactionManager transactions, StartupCheck startup, HistoryFromGit history, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.environments = environments;
        this.configs = configs;
        this.deployments = deployments;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.startup = startup;
        this.history = history;
        this.clock = clock;
    }

    /**
     * In the background (with thousands of projects the comparison takes a while), while readiness is DOWN and
     * every commit waits for it ({@link StartupCheck}); retried until it succeeds. From the moment the context is
     * started, beside the start's own last steps (the first administrator), not after them: readiness waits for both.
     */
    @EventListener(ApplicationStartedEvent.class)
    void atStart() {
        Thread.ofVirtual().name("interrupted-changes").start(this::check);
    }

    void check() {
        for (int attempt = 1; !startup.isDone(); attempt++) {
            try {
                int adopted = reconcile();
                if (adopted > 0) {
                    LOG.warn("Recorded {} change(s) found in the config repository without a record (an interrupted "
                            + "change, or a database older than the repository)", adopted);
                }
                startup.completed("compared; " + adopted + " interrupted change(s) recorded");
            } catch (RuntimeException e) {
                LOG.error("Could not compare the config repository with the database at start-up (attempt {}); "
                        + "retrying in 10 s, and commits wait until then", attempt, e);
                startup.failed(e.getMessage());
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return how many environments' rows adopted what the repository says */
    synchronized int reconcile() {
        repository.refresh(); // a stale clone would make rows written after its head look overtaken
        String head = repository.head();
        long recorded = history.highestRecordedId();
        boolean behindGit = recorded > deployments.highestId(); // rows lost: a crash, or an older backup
        int adopted = 0;
        var known = new HashSet<String>();
        for (ProjectSummary project : projects.list()) {
            known.add(project.name());
            for (EnvironmentSummary env : environments.list()) {
                try {
                    Boolean changed = transaction.execute(status -> adopt(project, env, head));
                    adopted += Boolean.TRUE.equals(changed) ? 1 : 0;
                } catch (ValidationException e) {
                    // What the file says cannot be read: left as it is (a deploy there is refused, naming the file),
                    // and the other environments are compared all the same.
                    LOG.error("{} in {}: {}; left as it is", project.name(), env.name(), e.getMessage());
                }
            }
        }
        // An id Git records is never issued again; where rows were lost, neither is one issued without a commit
        // (a retry) after the newest commit: those are not in Git, so new ids start a margin past it.
        if (recorded > 0) {
            deployments.continueIdsAfter(recorded + (behindGit ? HistoryIds.UNRECORDED_ID_MARGIN : 0));
        }
        for (String app : repository.children("applications")) {
            if (!known.contains(app)) {
                LOG.warn("applications/{} in the config repository has no project in the database (an interrupted "
                        + "import, or a database older than the repository): import it again, or see docs/runbook.md",
                        app);
            }
        }
        return adopted;
    }

    /**
     * The deployments whose commits came after the row's revision but whose rows a crash lost: written back with
     * the ids, authors and times their commits record ({@link DeploymentTrailers}), so an id that was answered
     * before the crash names the same deployment after it. Returns whether the newest of them is what Git holds now.
     */
    private boolean restoreLostDeployments(ProjectSummary project, EnvironmentSummary env, String since,
            AppConfig inGit) {
        var changes = history.read().changes().stream().filter(change -> change.project().equals(project.name())
                && change.environment().equals(env.name())).toList();
        int after = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).commit().sha().equals(since)) {
                after = i + 1;
            }
        }
        boolean newestRestored = false;
        long highest = 0;
        for (var change : changes.subList(after, changes.size())) {
            if (change.id().isEmpty() || deployments.exists(change.id().get())) {
                continue;
            }
            AppConfig config;
            try {
                config = ValuesReader.read(project.chart(), repository.readAt(change.commit().sha(), change.path())
                        .orElseThrow());
            } catch (ValidationException e) {
                LOG.error("Deployment #{} ({}) cannot be recorded again: its values file cannot be read back ({})",
                        change.id().get(), change.commit().sha(), e.getMessage());
                continue;
            }
            deployments.restore(change.id().get(), new DeploymentHistory.Restored(project.id(), env.id(), change.kind(),
                    DeploymentState.COMMITTED, change.commit().author(), change.commit().time(), config,
                    change.commit().parentSha(), change.commit().sha(), change.summary(), Optional.empty(), null));
            audit.record("plate", "deployment.restored", "project:" + project.name() + "/" + env.name(), "#"
                    + change.id().get() + " (" + change.kind().name().toLowerCase(java.util.Locale.ROOT) + " by "
                    + change.commit().author() + ", commit " + change.commit().sha() + ") was committed but its record "
                    + "was lost in a crash; recorded it again from the commit");
            highest = Math.max(highest, change.id().get());
            newestRestored = config.equals(inGit);
        }
        if (highest > 0) {
            deployments.continueIdsAfter(highest);
        }
        return newestRestored;
    }

    private boolean adopt(ProjectSummary project, EnvironmentSummary env, String head) {
        var row = configs.lock(project.id(), env.id());
        if (row.isEmpty()) {
            return false;
        }
        var file = repository.read(RepoLayout.valuesFile(project.name(), env.name()));
        if (file.isEmpty()) {
            LOG.warn("{} in {} has a configuration but no values file in the config repository", project.name(),
                    env.name());
            return false;
        }
        AppConfig inGit;
        try {
            inGit = ValuesReader.read(project.chart(), file.get());
        } catch (ValidationException e) {
            LOG.warn("The values file of {} in {} cannot be read back ({}); left as it is", project.name(), env.name(),
                    e.getMessage());
            return false;
        }
        if (inGit.equals(row.get().config())) {
            return false;
        }
        if (!repository.includes(head, row.get().revision())) {
            // The row names a commit this head does not contain: the database is ahead (another instance committed
            // since), not behind; nothing here was interrupted.
            LOG.warn("{} in {} was recorded at {}, which the config repository's head {} does not contain; left as it is",
                    project.name(), env.name(), row.get().revision(), head);
            return false;
        }
        String before = row.get().revision();
        configs.adopt(project.id(), env.id(), inGit, head);
        if (restoreLostDeployments(project, env, before, inGit)) {
            return true; // the commits said which deployments they were: those came back, with their ids
        }
        deployments.record(new DeploymentHistory.NewDeployment(project.id(), env.id(), DeploymentKind.RECOVER,
                "plate", clock.instant(), inGit, before, head, "recorded at start-up: the config repository changed "
                        + "without a record (an interrupted change)"));
        audit.record("plate", "deployment.adopted", "project:" + project.name() + "/" + env.name(),
                "the values file at " + head + " differs from the recorded configuration (revision " + before
                        + "); recorded it");
        return true;
    }
}
