package dev.plate.project;

import java.util.List;

/**
 * What a developer brings to import a project. {@code sourceRepoUrl} may be empty; {@code owners} are
 * usernames or team names to contact; {@code team}, when given, is the team that owns the project and decides who may
 * change it (empty: Plate-wide roles alone decide).
 */
public record NewProject(String name, String sourceRepoUrl, String imageRepository, int containerPort,
        String healthPath, List<String> owners, List<dev.plate.chart.ChartDependency> dependencies,
        java.util.Optional<String> team) {

    public NewProject {
        owners = owners == null ? List.of() : List.copyOf(owners);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        team = team == null ? java.util.Optional.empty() : team.filter(given -> !given.isBlank());
    }

    /** A project of no team. */
    public NewProject(String name, String sourceRepoUrl, String imageRepository, int containerPort, String healthPath,
            List<String> owners, List<dev.plate.chart.ChartDependency> dependencies) {
        this(name, sourceRepoUrl, imageRepository, containerPort, healthPath, owners, dependencies,
                java.util.Optional.empty());
    }

    public NewProject inTeam(String teamName) {
        return new NewProject(name, sourceRepoUrl, imageRepository, containerPort, healthPath, owners, dependencies,
                java.util.Optional.ofNullable(teamName));
    }

    /** A project without add-on charts. */
    public NewProject(String name, String sourceRepoUrl, String imageRepository, int containerPort, String healthPath,
            List<String> owners) {
        this(name, sourceRepoUrl, imageRepository, containerPort, healthPath, owners, null);
    }
}
