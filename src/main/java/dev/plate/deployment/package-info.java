/**
 * The deployment core: import and removal of projects, deploy, promote, rollback and retry as one Git commit
 * each with its database record ({@link dev.plate.deployment.DeploymentService}), environment administration
 * ({@link dev.plate.deployment.EnvironmentAdministration}), and a commit taken back when its transaction fails
 * ({@code TransactionalCommits}). Its ports: {@link dev.plate.deployment.ClusterDelivery} to reach clusters
 * (implemented by {@code delivery}), {@link dev.plate.deployment.StartupGate} that commits wait at after a start
 * (opened by {@code recovery}), and {@link dev.plate.deployment.DeploymentRows}, the rows {@code recovery} writes
 * back from Git.
 */
package dev.plate.deployment;
