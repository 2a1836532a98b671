package dev.plate.project;

import dev.plate.chart.ProjectChart;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public record ProjectSummary(long id, String name, Optional<String> sourceRepoUrl, String imageRepository,
        int containerPort, String healthPath, List<String> owners, String createdBy, Instant createdAt,
        List<dev.plate.chart.ChartDependency> dependencies, Optional<String> team) {

    public ProjectSummary {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        team = team == null ? Optional.empty() : team;
    }

    public ProjectChart chart() {
        return new ProjectChart(name, imageRepository, containerPort, dependencies);
    }
}
