package dev.plate.chart;

/**
 * What the chart needs to know about a project, beyond one environment's {@link AppConfig}.
 *
 * @param name the project's name: the chart name and the Helm release name
 * @param imageRepository the container image without its tag, e.g. {@code ghcr.io/acme/web}
 * @param containerPort the port the container listens on
 * @param dependencies the add-on charts it declares; each environment turns them on
 */
public record ProjectChart(String name, String imageRepository, int containerPort,
        java.util.List<ChartDependency> dependencies) {

    public ProjectChart {
        dependencies = dependencies == null ? java.util.List.of() : java.util.List.copyOf(dependencies);
    }

    public ProjectChart(String name, String imageRepository, int containerPort) {
        this(name, imageRepository, containerPort, null);
    }
}
