package dev.plate.delivery.internal;

import dev.plate.delivery.DeliveryProperties;
import java.util.Optional;

/**
 * Holds deletions back when they look like a mistake rather than a decision: Plate wants nothing while objects of
 * its own exist (an empty or wrong database), or a reconcile would delete most of what exists. A person then
 * decides — recover from Git, or confirm the removal.
 */
final class PruneGuard {

    private PruneGuard() {}

    /**
     * @param existing this Plate's objects in the cluster (not already being deleted)
     * @param wanted objects Plate wants
     * @param notWanted this Plate's objects it no longer wants (with a recorded intent to remove them or not)
     * @return why deletions are held back, or empty when they may go ahead
     */
    static Optional<String> pause(DeliveryProperties properties, int existing, int wanted, int notWanted) {
        if (!properties.prune()) {
            return Optional.of("Plate deletes no Argo CD objects (PLATE_ARGOCD_PRUNE=false)");
        }
        if (notWanted == 0) {
            return Optional.empty();
        }
        if (wanted == 0) {
            return Optional.of("Plate wants no Argo CD objects at all, yet " + existing + " of its own exist (an empty "
                    + "or wrong database?)");
        }
        if (notWanted >= properties.prunePauseMinimum() && notWanted > properties.prunePauseFraction() * existing) {
            return Optional.of(notWanted + " of Plate's " + existing + " Argo CD objects are no longer wanted, more "
                    + "than " + Math.round(properties.prunePauseFraction() * 100) + "%");
        }
        return Optional.empty();
    }
}
