package dev.plate.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(nullable = false, updatable = false, length = 255)
    private String target;

    @Column(nullable = false, updatable = false, length = 2000)
    private String details;

    @Column(name = "correlation_id", updatable = false, length = 64)
    private String correlationId;

    protected AuditEvent() {}

    AuditEvent(Instant occurredAt, String actor, String action, String target, String details, String correlationId) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.details = details;
        this.correlationId = correlationId;
    }
}
