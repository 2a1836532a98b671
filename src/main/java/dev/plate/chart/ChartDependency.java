package dev.plate.chart;

/**
 * An add-on chart a project declares (PostgreSQL, Redis…): written to its {@code Chart.yaml}'s
 * {@code dependencies} with the condition {@code <name>.enabled}, so each environment turns it on in its values
 * (off by default). Argo CD fetches it from {@code repository} when it renders the chart.
 *
 * @param repository the chart repository, {@code https://…} or {@code oci://…}
 * @param version a version or range, e.g. {@code 16.4.0} or {@code ^16.0.0}
 */
public record ChartDependency(String name, String repository, String version) {}
