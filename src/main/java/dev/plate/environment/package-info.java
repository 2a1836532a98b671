/**
 * Environments as rows: name, position on the promotion path, cluster, namespace pattern, sync policy,
 * protection ({@link dev.plate.environment.EnvironmentService}). Changing one is a commit too: that is
 * {@code deployment}'s {@link dev.plate.deployment.EnvironmentAdministration}.
 */
package dev.plate.environment;
