package dev.plate.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the last reconcile of Argo CD's objects found and did.
 *
 * @param orphans this Plate's objects for projects it has no record of and no recorded intent to remove (a lost or
 *     older database): never deleted without an admin's confirmation; recovery from Git brings their projects back
 * @param orphanProjects the projects those objects belong to
 * @param pendingRemovals projects whose removal is recorded and whose objects are not all gone yet
 * @param conflicts objects Plate wants whose names are taken by someone else's: left alone
 * @param paused why deletions are held back for an admin's decision, if they are
 */
public record ReconcileReport(Instant at, int created, int updated, int unchanged, int deleted,
        List<String> orphans, List<String> orphanProjects, List<String> pendingRemovals, List<String> conflicts,
        Optional<String> paused) {

    public ReconcileReport {
        orphanProjects = orphanProjects == null ? List.of() : orphanProjects;
    }

    public boolean changed() {
        return created + updated + deleted > 0;
    }
}
