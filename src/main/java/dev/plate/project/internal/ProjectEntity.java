package dev.plate.project.internal;

import dev.plate.chart.ChartDependency;
import dev.plate.project.ProjectSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "project")
class ProjectEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 53)
    private String name;

    @Column(name = "source_repo_url", length = 512)
    private String sourceRepoUrl;

    @Column(name = "image_repository", nullable = false)
    private String imageRepository;

    @Column(name = "container_port", nullable = false)
    private int containerPort;

    @Column(name = "health_path", nullable = false, length = 1024)
    private String healthPath;

    /** Comma-separated: owner names are validated to contain no comma. */
    @Column(nullable = false, length = 512)
    private String owners;

    /** The add-on charts, as JSON (a list of {name, repository, version}). */
    @Column(nullable = false, length = 8192)
    private String dependencies = "[]";

    /** The owning team's name; no foreign key, as a project recovered from Git may name a team not made yet. */
    @Column(length = 63)
    private String team;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ProjectEntity() {}

    ProjectEntity(String name, String sourceRepoUrl, String imageRepository, int containerPort, String healthPath,
            List<String> owners, List<ChartDependency> dependencies, Optional<String> team, String createdBy,
            Instant createdAt) {
        this.team = team.orElse(null);
        this.dependencies = JSON.writeValueAsString(dependencies);
        this.name = name;
        this.sourceRepoUrl = sourceRepoUrl;
        this.imageRepository = imageRepository;
        this.containerPort = containerPort;
        this.healthPath = healthPath;
        this.owners = String.join(",", owners);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    ProjectSummary toSummary() {
        List<String> ownerList = owners.isEmpty() ? List.of() : Arrays.asList(owners.split(","));
        return new ProjectSummary(id, name, Optional.ofNullable(sourceRepoUrl), imageRepository, containerPort,
                healthPath, ownerList, createdBy, createdAt, List.of(JSON.readValue(dependencies,
                        ChartDependency[].class)), Optional.ofNullable(team));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
}
