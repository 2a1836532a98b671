package dev.plate.audit;

/**
 * Append-only record of who changed what. Every use case that changes state records one event in the same
 * transaction as the change, so an event exists exactly when the change does.
 */
public interface AuditLog {

    /**
     * @param actor username of the person (or {@code system}) acting
     * @param action what happened, as a stable dotted name such as {@code user.created}
     * @param target what it happened to, such as {@code user:alice}
     * @param details a short human-readable description, never a secret
     */
    void record(String actor, String action, String target, String details);
}
