package dev.plate.deployment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The current configuration of one project in one environment, as last committed. */
@Entity
@Table(name = "app_config")
class AppConfigEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "environment_id", nullable = false)
    private long environmentId;

    @Column(name = "config_json", nullable = false, length = 1048576)
    private String configJson;

    @Column(nullable = false, length = 64)
    private String revision;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AppConfigEntity() {}

    AppConfigEntity(long projectId, long environmentId, String configJson, String revision, Instant now) {
        this.projectId = projectId;
        this.environmentId = environmentId;
        this.configJson = configJson;
        this.revision = revision;
        this.updatedAt = now;
    }

    void update(String json, String newRevision, Instant now) {
        configJson = json;
        revision = newRevision;
        updatedAt = now;
    }

    String configJson() {
        return configJson;
    }

    String revision() {
        return revision;
    }
}
