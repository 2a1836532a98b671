package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.base.health.SystemCheck;
import dev.plate.delivery.ReconcileReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The dashboard's line for Argo CD's objects: in step, or what waits for an admin (held-back deletions, orphans). */
@Component
class ReconcileCheck implements SystemCheck {

    static final String COMPONENT = "Argo CD objects";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ArgoCd argoCd;
    private final ReconcileReports reports;

    ReconcileCheck(ArgoCd argoCd, ReconcileReports reports) {
        this.argoCd = argoCd;
        this.reports = reports;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public boolean applies() {
        return argoCd.connected();
    }

    @Override
    public ComponentStatus check() {
        return reports.last().map(ReconcileCheck::status).orElseGet(() -> new ComponentStatus(COMPONENT, State.UP,
                "Not reconciled yet: the first reconcile runs shortly after start."));
    }

    private static ComponentStatus status(ReconcileReport report) {
        String when = " (reconciled " + WHEN.format(report.at()) + ")";
        if (report.paused().isPresent()) {
            return new ComponentStatus(COMPONENT, State.ATTENTION, "Deletions paused: " + report.paused().get() + ". "
                    + report.orphans().size() + " object(s) have no project here: " + abbreviate(report) + ". Recover "
                    + "the projects from Git, or an admin confirms their removal." + when);
        }
        if (!report.orphans().isEmpty() || !report.conflicts().isEmpty()) {
            return new ComponentStatus(COMPONENT, State.ATTENTION, report.orphans().size() + " object(s) of this "
                    + "Plate's have no project here, left alone: " + abbreviate(report) + "; "
                    + report.conflicts().size() + " wanted object(s) are held by another owner" + when);
        }
        return new ComponentStatus(COMPONENT, State.UP, (report.created() + report.updated() + report.unchanged())
                + " objects in step" + (report.pendingRemovals().isEmpty() ? "" : ", removing "
                + report.pendingRemovals()) + when);
    }

    private static String abbreviate(ReconcileReport report) {
        var names = report.orphans();
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + " and "
                + (names.size() - 5) + " more";
    }
}
