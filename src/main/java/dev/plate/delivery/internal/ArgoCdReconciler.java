package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.ArgoCdException;
import dev.plate.argocd.ArgoCdObject;
import dev.plate.argocd.LiveObject;
import dev.plate.argocd.RepositoryAccess;
import dev.plate.delivery.DeliveryProperties;
import dev.plate.delivery.ReconcileReport;
import dev.plate.deployment.ProjectPlacements;
import dev.plate.leadership.LeaderTasks;
import dev.plate.leadership.Leadership;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The leader's periodic comparison of Argo CD's objects with what Plate wants: the repository credential first,
 * then every wanted object written where it is missing or drifted (never onto someone else's object of the same
 * name), then deletions — only of this installation's objects, only of projects whose removal is recorded, and
 * held back by the {@link PruneGuard} when they look like a mistake. Objects of its own that Plate has no record
 * of are reported as orphans, never deleted without an admin's confirmation.
 */
@Component
class ArgoCdReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(ArgoCdReconciler.class);

    private final ArgoCd argoCd;
    private final RepositoryAccess access;
    private final ProjectPlacements placements;
    private final DesiredObjects desired;
    private final RemovalIntents intents;
    private final Removals removals;
    private final ReconcileReports reports;
    private final DeliveryProperties properties;
    private final Leadership leadership;
    private final Clock clock;
    private final DriftReports drift;

    ArgoCdReconciler(ArgoCd argoCd, RepositoryAccess access, ProjectPlacements placements, DesiredObjects desired,
            RemovalIntents intents, Removals removals, ReconcileReports reports, DeliveryProperties properties,
            Leadership leadership, LeaderTasks tasks, Clock clock, DriftReports drift) {
        this.drift = drift;
        this.argoCd = argoCd;
        this.access = access;
        this.placements = placements;
        this.desired = desired;
        this.intents = intents;
        this.removals = removals;
        this.reports = reports;
        this.properties = properties;
        this.leadership = leadership;
        this.clock = clock;
        tasks.every("argocd-reconcile", properties.reconcileInitialDelay(), properties.reconcileInterval(),
                this::scheduled);
    }

    private void scheduled() {
        run(leadership::isLeader);
    }

    /** Now, on this instance (after the repository moved here): every object, as the leader would. */
    void reconcileNow() {
        run(() -> true);
    }

    private void run(BooleanSupplier mayWrite) {
        if (!argoCd.connected()) {
            return;
        }
        try {
            var report = reconcile(mayWrite);
            reports.store(report);
        } catch (ArgoCdException e) {
            LOG.warn("Argo CD: {} (the next reconcile retries)", e.getMessage());
        }
    }

    /** @param mayWrite asked before each write: the periodic run stops writing the moment this instance stops leading */
    ReconcileReport reconcile(BooleanSupplier mayWrite) {
        access.ensure();
        List<LiveObject> live = argoCd.list();
        var byKey = new HashMap<String, LiveObject>();
        live.forEach(object -> byKey.put(key(object.kind(), object.name()), object));
        var counts = new EnumCounts();
        var wantedKeys = new HashSet<String>();
        var conflicts = new ArrayList<String>();
        for (var entry : placements.byProject().entrySet()) {
            for (var object : desired.of(entry.getKey(), entry.getValue())) {
                String key = key(object.objectKind(), object.name());
                wantedKeys.add(key);
                var current = Optional.ofNullable(byKey.get(key));
                if (current.isPresent() && !current.get().ours()) {
                    conflicts.add(current.get().describe());
                } else if (mayWrite.getAsBoolean()) {
                    try {
                        var outcome = argoCd.apply(object, current);
                        counts.add(outcome);
                        if (outcome == ArgoCd.Outcome.UPDATED && current.isPresent()) {
                            drift.repaired(entry.getKey(), object);
                        }
                    } catch (dev.plate.argocd.ArgoCdConflictException e) {
                        conflicts.add(e.getMessage()); // taken by an object Plate could not see (no Plate labels)
                    }
                }
            }
        }
        var ours = live.stream().filter(object -> object.ours() && !object.deleting()).toList();
        var notWanted = ours.stream().filter(object -> !wantedKeys.contains(key(object.kind(), object.name())))
                .toList();
        var pause = PruneGuard.pause(properties, ours.size(), wantedKeys.size(), notWanted.size());
        var intended = new HashMap<String, RemovalIntent>();
        intents.findAll().forEach(intent -> intended.put(intent.project(), intent));
        var deletable = notWanted.stream().filter(object -> object.project().map(intended::get)
                .filter(intent -> properties.prune() && (pause.isEmpty() || intent.confirmed())).isPresent()).toList();
        int deleted = removals.delete(deletable, mayWrite);
        removals.forgetFinished(live);
        var orphans = new TreeSet<String>();
        var orphanProjects = new TreeSet<String>();
        notWanted.stream().filter(object -> !object.project().map(intended::containsKey).orElse(false))
                .forEach(object -> {
                    orphans.add(object.kind().kind() + " " + object.name());
                    object.project().ifPresent(orphanProjects::add);
                });
        var pending = new TreeSet<String>(intended.keySet());
        var report = new ReconcileReport(clock.instant(), counts.created, counts.updated, counts.unchanged, deleted,
                List.copyOf(orphans), List.copyOf(orphanProjects), List.copyOf(pending), conflicts, pause.filter(reason -> !notWanted.isEmpty()));
        log(report);
        return report;
    }

    private void log(ReconcileReport report) {
        if (report.changed()) {
            LOG.info("Reconciled Argo CD: {} created, {} updated, {} deleted, {} unchanged", report.created(),
                    report.updated(), report.deleted(), report.unchanged());
        }
        report.paused().ifPresent(reason -> LOG.warn("Argo CD: deletions are paused: {}. {} object(s) of this Plate "
                + "have no project here: {}. Recover the projects from Git (docs/runbook.md) or confirm their "
                + "removal (Dashboard, or POST /api/v1/admin/argocd/removals).", reason, report.orphans().size(),
                report.orphans()));
        if (report.paused().isEmpty() && !report.orphans().isEmpty()) {
            LOG.warn("Argo CD: {} object(s) of this Plate have no project here and are left alone: {}",
                    report.orphans().size(), report.orphans());
        }
        if (!report.conflicts().isEmpty()) {
            LOG.warn("Argo CD: objects Plate wants are taken by someone else's and left alone: {}", report.conflicts());
        }
    }

    private static String key(ArgoCdObject.Kind kind, String name) {
        return kind.name() + "/" + name;
    }

    private static final class EnumCounts {
        int created;
        int updated;
        int unchanged;

        void add(ArgoCd.Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }
}
