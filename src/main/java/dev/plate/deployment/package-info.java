/**
 * The deployment core: import and removal of projects, deploy, promote, rollback and retry as one Git commit
 * each with its records ({@link dev.plate.deployment.DeploymentService}), environment administration
 * ({@link dev.plate.deployment.EnvironmentAdministration}), and a commit taken back when its transaction fails
 * ({@code TransactionalCommits}). It owns each environment's recorded configuration; the deployments themselves are
 * rows of {@code history}. Its ports: {@link dev.plate.deployment.ClusterDelivery} to reach clusters (implemented by
 * {@code delivery}), {@link dev.plate.deployment.StartupGate} that commits wait at after a start (opened by
 * {@code recovery}), and {@link dev.plate.deployment.RecordedConfigs}, which {@code recovery} writes back from Git.
 */
package dev.plate.deployment;
