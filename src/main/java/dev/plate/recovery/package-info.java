/**
 * Git and the database agree again after a fault. At start-up, a change a crash left without its record is
 * recorded from its commit ({@code InterruptedChanges}), and commits wait until that is done ({@code StartupCheck},
 * the deployment core's {@link dev.plate.deployment.StartupGate}); a lost database is rebuilt from the config
 * repository, history and deployment ids included ({@link dev.plate.recovery.RepositoryRecovery}). Git is the truth
 * here, never the other way round. It writes rows only through
 * {@link dev.plate.deployment.RecordedConfigs} and {@link dev.plate.history.DeploymentHistory}.
 */
package dev.plate.recovery;
