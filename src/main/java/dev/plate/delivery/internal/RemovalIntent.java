package dev.plate.delivery.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recorded intent to remove a project's Argo CD objects: written in the transaction that removes the project
 * (or by an admin's confirmation), deleted once none of its objects is left. The only reason Plate ever deletes.
 */
@Entity
@Table(name = "removal_intent")
class RemovalIntent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String project;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    /** An admin confirmed it: the mass-deletion guard no longer holds it back. */
    @Column(nullable = false)
    private boolean confirmed;

    protected RemovalIntent() {}

    RemovalIntent(String project, String requestedBy, Instant requestedAt, boolean confirmed) {
        this.project = project;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.confirmed = confirmed;
    }

    String project() {
        return project;
    }

    String requestedBy() {
        return requestedBy;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    boolean confirmed() {
        return confirmed;
    }

    void confirm(String by, Instant at) {
        confirmed = true;
        requestedBy = by;
        requestedAt = at;
    }
}
