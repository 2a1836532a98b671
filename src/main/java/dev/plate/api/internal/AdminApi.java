package dev.plate.api.internal;

import dev.plate.argocd.ArgoCd;
import dev.plate.delivery.ArgoCdReconciliation;
import dev.plate.delivery.ReconcileReport;
import dev.plate.recovery.RepositoryRecovery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin}: what an operator does after a disaster (ADMIN only; the services check). */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(name = "Administration", description = "Recovery from Git, and decisions on Argo CD objects (ADMIN)")
class AdminApi {

    private final RepositoryRecovery recovery;
    private final ArgoCdReconciliation reconciliation;
    private final ArgoCd argoCd;

    AdminApi(RepositoryRecovery recovery, ArgoCdReconciliation reconciliation, ArgoCd argoCd) {
        this.recovery = recovery;
        this.reconciliation = reconciliation;
        this.argoCd = argoCd;
    }

    @PostMapping("/recover")
    @Operation(summary = "Disaster recovery: rebuild projects, environments, configurations and deployment history "
            + "from the config repository into an empty database (ADMIN)")
    RepositoryRecovery.Report recover() {
        return recovery.recover();
    }

    /** @param report the last reconcile's, if there was one (none without a cluster) */
    record ArgoCdState(boolean connected, Optional<ReconcileReport> report) {}

    @GetMapping("/argocd")
    @Operation(summary = "The last reconcile of Argo CD's objects: what was written, orphans (objects of this Plate "
            + "with no project here), conflicts, pending removals, and whether deletions are paused (ADMIN)")
    ArgoCdState argoCd() {
        var report = reconciliation.last();
        return new ArgoCdState(argoCd.connected(), report);
    }

    record Removal(List<String> projects) {}

    @PostMapping(path = "/argocd/removals", consumes = "application/json")
    @Operation(summary = "Confirm that these projects' Argo CD objects are to be deleted (orphans after a lost "
            + "database, or removals the guard held back); they are deleted now (ADMIN)")
    Removal confirmRemoval(@RequestBody Removal request) {
        return new Removal(reconciliation.confirmRemoval(request.projects()));
    }
}
