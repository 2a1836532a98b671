package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.LiveObject;
import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.delivery.ArgoCdReconciliation;
import dev.plate.delivery.ReconcileReport;
import dev.plate.deployment.ProjectPlacements;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class Reconciliation implements ArgoCdReconciliation {

    private final ReconcileReports reports;
    private final ArgoCd argoCd;
    private final ProjectPlacements placements;
    private final RemovalIntents intents;
    private final Removals removals;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy securityContext;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final dev.plate.delivery.DeliveryProperties properties;

    Reconciliation(ReconcileReports reports, ArgoCd argoCd, ProjectPlacements placements, RemovalIntents intents,
            Removals removals, AuditLog audit, SecurityContextHolderStrategy securityContext,
            TransactionTemplate transaction, Clock clock, dev.plate.delivery.DeliveryProperties properties) {
        this.properties = properties;
        this.reports = reports;
        this.argoCd = argoCd;
        this.placements = placements;
        this.intents = intents;
        this.removals = removals;
        this.audit = audit;
        this.securityContext = securityContext;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Optional<ReconcileReport> last() {
        return reports.last();
    }

    @Override
    public List<String> confirmRemoval(List<String> projects) {
        if (projects == null || projects.isEmpty()) {
            throw new ValidationException("projects", "Name the projects whose Argo CD objects are to be deleted.");
        }
        if (!properties.prune()) {
            throw new ValidationException("projects", "Plate deletes no Argo CD objects while PLATE_ARGOCD_PRUNE is "
                    + "false: nothing was confirmed. Switch pruning on first, or delete the objects in Argo CD.");
        }
        var configured = placements.byProject().keySet();
        for (String project : projects) {
            if (configured.contains(project)) {
                throw new ValidationException("projects", project + " is a project in Plate: remove it (its page, or "
                        + "DELETE /api/v1/projects/" + project + ") rather than its Argo CD objects.");
            }
        }
        if (!argoCd.connected()) {
            throw new ValidationException("projects", "No cluster is connected: there are no Argo CD objects to delete.");
        }
        var ours = argoCd.list().stream().filter(object -> object.ours() && object.project().isPresent())
                .collect(Collectors.groupingBy(object -> object.project().orElseThrow()));
        for (String project : projects) {
            if (!ours.containsKey(project)) {
                throw new ValidationException("projects", "There are no Argo CD objects of this Plate's for "
                        + project + ".");
            }
        }
        String actor = securityContext.getContext().getAuthentication().getName();
        transaction.executeWithoutResult(tx -> projects.forEach(project -> {
            intents.findByProject(project).ifPresentOrElse(intent -> intent.confirm(actor, clock.instant()),
                    () -> intents.save(new RemovalIntent(project, actor, clock.instant(), true)));
            audit.record(actor, "argocd.removal.confirmed", "project:" + project, ours.get(project).stream()
                    .map(LiveObject::describe).collect(Collectors.joining(", ")));
        }));
        removals.delete(projects.stream().flatMap(project -> ours.get(project).stream()).toList(), () -> true);
        return List.copyOf(projects);
    }
}
