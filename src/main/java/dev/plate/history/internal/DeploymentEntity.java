package dev.plate.history.internal;

import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "deployment")
class DeploymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "environment_id", nullable = false)
    private long environmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeploymentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DeploymentState state;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "image_tag", nullable = false, length = 128)
    private String imageTag;

    @Column(name = "from_revision", nullable = false, length = 64)
    private String fromRevision;

    @Column(name = "to_revision", nullable = false, length = 64)
    private String toRevision;

    @Column(name = "config_json", nullable = false, length = 1048576)
    private String configJson;

    @Column(nullable = false, length = 512)
    private String summary;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "outcome_message", length = 1024)
    private String outcomeMessage;

    /** When Argo CD had what this deployment owed it; null while it waits to be delivered. */
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected DeploymentEntity() {}

    DeploymentEntity(long projectId, long environmentId, DeploymentKind kind, String requestedBy, Instant requestedAt,
            String imageTag, String fromRevision, String toRevision, String configJson, String summary) {
        this.projectId = projectId;
        this.environmentId = environmentId;
        this.kind = kind;
        this.state = DeploymentState.COMMITTED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.imageTag = imageTag;
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
        this.configJson = configJson;
        this.summary = summary;
        this.deliveredAt = requestedAt; // owes Argo CD nothing, until awaitingDelivery() says it does
    }

    /** A refresh (and sync) is owed to Argo CD: the timeout waits until it is delivered. */
    void awaitingDelivery() {
        deliveredAt = null;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }

    /** Computed again (the file it was built on changed before the commit landed). */
    void replanned(String newImageTag, String newConfigJson, String newSummary) {
        imageTag = newImageTag;
        configJson = newConfigJson;
        summary = newSummary;
    }

    /** The commit this deployment made, once made. */
    void committed(String from, String to) {
        fromRevision = from;
        toRevision = to;
    }

    Long id() { return id; }
    DeploymentKind kind() { return kind; }
    DeploymentState state() { return state; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String imageTag() { return imageTag; }
    String fromRevision() { return fromRevision; }
    String toRevision() { return toRevision; }
    String configJson() { return configJson; }
    String summary() { return summary; }
    long projectId() { return projectId; }
    long environmentId() { return environmentId; }
    Instant finishedAt() { return finishedAt; }
    String outcomeMessage() { return outcomeMessage; }
}
