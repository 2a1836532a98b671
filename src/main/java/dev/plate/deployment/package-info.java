/**
 * The deployment core: import and removal of projects, deploy, promote, rollback and retry as one Git commit
 * each with its database record ({@link dev.plate.deployment.DeploymentService}), environment administration
 * ({@link dev.plate.deployment.EnvironmentAdministration}), and keeping Git and the database consistent — a commit
 * taken back when its transaction fails ({@code TransactionalCommits}), the start-up comparison
 * ({@code InterruptedChanges}), recovery of a lost database from Git ({@link dev.plate.deployment.RepositoryRecovery}).
 * It reaches clusters only through its port {@link dev.plate.deployment.ClusterDelivery} (implemented by
 * {@code delivery}).
 */
package dev.plate.deployment;
