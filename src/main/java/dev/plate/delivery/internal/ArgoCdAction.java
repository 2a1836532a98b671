package dev.plate.delivery.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A refresh Plate owes Argo CD for a committed deployment (and, where the environment does not sync by itself, a
 * sync of its revision as the user who deployed): written in the deployment's transaction, retried with backoff
 * until Argo CD has it — across Argo CD outages and Plate restarts.
 */
@Entity
@Table(name = "argocd_action")
class ArgoCdAction {

    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "deployment_id", nullable = false)
    private long deploymentId;

    @Column(nullable = false, length = 64)
    private String project;

    @Column(nullable = false, length = 64)
    private String environment;

    @Column(name = "sync_revision", length = 64)
    private String syncRevision;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected ArgoCdAction() {}

    ArgoCdAction(long deploymentId, String project, String environment, Optional<String> syncRevision,
            String requestedBy, Instant now) {
        this.deploymentId = deploymentId;
        this.project = project;
        this.environment = environment;
        this.syncRevision = syncRevision.orElse(null);
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    Long id() {
        return id;
    }

    long deploymentId() {
        return deploymentId;
    }

    String project() {
        return project;
    }

    String environment() {
        return environment;
    }

    Optional<String> syncRevision() {
        return Optional.ofNullable(syncRevision);
    }

    String requestedBy() {
        return requestedBy;
    }

    int attempts() {
        return attempts;
    }

    boolean delivered() {
        return deliveredAt != null;
    }

    void delivered(Instant at) {
        deliveredAt = at;
        lastError = null;
    }

    /** Argo CD did not take it: again after 2, 4, 8… seconds, at most a minute apart. */
    void failed(String error, Instant now) {
        attempts++;
        lastError = error.length() > 1024 ? error.substring(0, 1023) + "…" : error;
        long seconds = Math.min(LONGEST_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(attempts - 1, 10));
        nextAttemptAt = now.plusSeconds(seconds);
    }
}
