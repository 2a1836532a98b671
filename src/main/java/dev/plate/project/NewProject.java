package dev.plate.project;

import java.util.List;

/**
 * What a developer brings to import a project. {@code sourceRepoUrl} may be empty; {@code owners} are
 * usernames or team names.
 */
public record NewProject(String name, String sourceRepoUrl, String imageRepository, int containerPort,
        String healthPath, List<String> owners, List<dev.plate.chart.ChartDependency> dependencies) {

    public NewProject {
        owners = owners == null ? List.of() : List.copyOf(owners);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** A project without add-on charts. */
    public NewProject(String name, String sourceRepoUrl, String imageRepository, int containerPort, String healthPath,
            List<String> owners) {
        this(name, sourceRepoUrl, imageRepository, containerPort, healthPath, owners, null);
    }
}
