package dev.plate.delivery.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.argocd.LiveObject;
import dev.plate.audit.AuditLog;
import dev.plate.delivery.DeliveryProperties;
import dev.plate.gitops.ConfigRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out recorded removals: deletes a project's objects that are still this installation's (Argo CD's
 * finalizer then deletes what each Application deployed), and forgets an intent once none of them is left.
 */
@Component
class Removals {

    private static final Logger LOG = LoggerFactory.getLogger(Removals.class);

    private final ArgoCd argoCd;
    private final RemovalIntents intents;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final DeliveryProperties properties;
    private final ConfigRepository repository;

    Removals(ArgoCd argoCd, RemovalIntents intents, AuditLog audit, TransactionTemplate transaction,
            DeliveryProperties properties, ConfigRepository repository) {
        this.argoCd = argoCd;
        this.intents = intents;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.repository = repository;
    }

    /**
     * @param objects this installation's objects no longer wanted, of projects with a recorded intent
     * @param mayWrite asked before each deletion (the periodic reconcile deletes only while this instance leads)
     * @return how many were deleted (none while pruning is switched off: PLATE_ARGOCD_PRUNE=false holds every path)
     */
    int delete(Collection<LiveObject> objects, BooleanSupplier mayWrite) {
        if (!properties.prune()) {
            return 0;
        }
        int deleted = 0;
        Map<String, List<LiveObject>> byProject = objects.stream()
                .collect(Collectors.groupingBy(object -> object.project().orElse("")));
        for (var entry : byProject.entrySet()) {
            var intent = intents.findByProject(entry.getKey());
            if (intent.isEmpty()) {
                continue;
            }
            if (!intent.get().confirmed() && stillInGit(entry.getKey())) {
                LOG.warn("Not deleting the Argo CD objects of {}: a removal is recorded, but the config repository "
                        + "still has applications/{} (a database restored from before a re-import, or a removal "
                        + "whose commit was undone); confirm the removal on the dashboard if it is meant",
                        entry.getKey(), entry.getKey());
                continue;
            }
            var gone = new java.util.ArrayList<String>();
            for (var object : entry.getValue()) {
                if (!object.ours() || object.deleting() || !mayWrite.getAsBoolean()) {
                    continue;
                }
                if (argoCd.delete(object)) {
                    gone.add(object.kind().kind() + " " + object.name());
                    deleted++;
                }
            }
            if (!gone.isEmpty()) {
                LOG.info("Deleted {} of removed project {} (removed by {})", gone, entry.getKey(),
                        intent.get().requestedBy());
                String details = String.join(", ", gone) + " (removal requested by " + intent.get().requestedBy()
                        + " at " + intent.get().requestedAt() + (intent.get().confirmed() ? ", confirmed" : "") + ")";
                transaction.executeWithoutResult(tx -> audit.record("plate", "argocd.deleted",
                        "project:" + entry.getKey(), details));
            }
        }
        return deleted;
    }

    /**
     * The removal's own commit deletes the project's directory, so a project still there was not removed as the
     * intent says. Asked again after catching up with the remote, where another instance may have committed it.
     */
    private boolean stillInGit(String project) {
        if (!repository.children("applications").contains(project)) {
            return false;
        }
        repository.refresh();
        return repository.children("applications").contains(project);
    }

    /** Intents whose project has no object of this installation's left (deleted, or never there) are done. */
    void forgetFinished(Collection<LiveObject> live) {
        var remaining = live.stream().filter(LiveObject::ours).map(object -> object.project().orElse(""))
                .collect(Collectors.toSet());
        intents.findAll().stream().filter(intent -> !remaining.contains(intent.project()))
                .forEach(intent -> intents.deleteByProject(intent.project()));
    }
}
