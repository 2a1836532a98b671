package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCdObject;
import dev.plate.audit.AuditLog;
import dev.plate.notifications.NotificationEvent;
import dev.plate.notifications.Notifier;
import dev.plate.project.ProjectService;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An object of Plate's that the reconcile found different and put back (a drift repaired): in the audit log, and told
 * to the channels that want {@code drift.repaired} — usually someone changed production outside Plate.
 */
@Component
class DriftReports {

    private final AuditLog audit;
    private final Notifier notifier;
    private final ProjectService projects;

    DriftReports(AuditLog audit, Notifier notifier, ProjectService projects) {
        this.audit = audit;
        this.notifier = notifier;
        this.projects = projects;
    }

    @Transactional
    void repaired(String project, ArgoCdObject object) {
        String kind = object.objectKind() == ArgoCdObject.Kind.APPLICATION ? "Application" : "AppProject";
        // An Application is named <project>-<environment>; an AppProject is the project's, in every environment.
        String environment = object.objectKind() == ArgoCdObject.Kind.APPLICATION && object.name().startsWith(project
                + "-") ? object.name().substring(project.length() + 1) : "-";
        // Said as it is known: an edit by hand, or what a newer Plate writes differently (once, after an upgrade).
        String summary = project + ": Argo CD's " + kind + " " + object.name() + " differed from what Plate keeps for "
                + "it (changed outside Plate, or by an upgrade of Plate); the reconcile put it back.";
        audit.record("argocd", "argocd.drift-repaired", "project:" + project + "/" + environment, summary);
        notifier.notify(new NotificationEvent("drift.repaired", project, environment, projects.find(project)
                .flatMap(found -> found.team()), summary, Map.of("kind", kind, "name", object.name())));
    }
}
