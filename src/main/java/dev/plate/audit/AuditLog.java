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

    /** Events matching every given filter, newest first, at most {@code limit} (1 to 1000). */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    java.util.List<Entry> search(Query query);

    /**
     * @param actor exactly this user (or {@code plate} for Plate's own work)
     * @param action actions starting with this, e.g. {@code deployment.} or {@code token.created}
     * @param target targets containing this, e.g. {@code project:web-app}
     */
    record Query(java.util.Optional<String> actor, java.util.Optional<String> action, java.util.Optional<String> target,
            java.util.Optional<java.time.Instant> since, java.util.Optional<java.time.Instant> until, int limit) {}

    /** @param correlationId the request's X-Request-Id, linking the event to the log lines of that request */
    record Entry(long id, java.time.Instant occurredAt, String actor, String action, String target, String details,
            String correlationId) {}
}
