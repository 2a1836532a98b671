package dev.plate.history;

/**
 * What made a deployment row; RECOVER: rebuilt from the config repository after the database was lost; RETRY: the
 * last deployment of an environment sent to Argo CD again (it failed or timed out), without a new commit.
 */
public enum DeploymentKind { IMPORT, DEPLOY, PROMOTE, ROLLBACK, RECOVER, RETRY }
