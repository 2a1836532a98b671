/**
 * Every deployment as a row: recorded by the deployment core before its commit (so the commit can name its id) and
 * completed with the commit ({@link dev.plate.history.DeploymentHistory}); its outcome decided by {@code delivery}
 * ({@link dev.plate.history.DeploymentLedger}); read by the pages, the API and the dashboard
 * ({@link dev.plate.history.DeploymentActivity}); written back from Git by {@code recovery}, with the ids the commits
 * name.
 */
package dev.plate.history;
