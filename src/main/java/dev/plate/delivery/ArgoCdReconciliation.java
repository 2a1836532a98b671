package dev.plate.delivery;

import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/** The state of Argo CD's objects as the last reconcile saw it, and an admin's decision on held-back deletions. */
public interface ArgoCdReconciliation {

    /** The last reconcile's report, from whichever instance led; empty before the first. */
    @PreAuthorize("hasRole('ADMIN')")
    Optional<ReconcileReport> last();

    /**
     * An admin confirms that these projects' objects are to go (orphans, or removals held back by the guard):
     * each becomes a confirmed removal, which the guard no longer holds back, and is carried out now. A project
     * that is configured in Plate, or has no objects of this Plate's, is refused and nothing is recorded.
     *
     * @return the projects whose objects are being deleted
     */
    @PreAuthorize("hasRole('ADMIN')")
    List<String> confirmRemoval(List<String> projects);
}
