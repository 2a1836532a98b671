package dev.plate.deployment;

/** What made a deployment row; RECOVER: rebuilt from the config repository after the database was lost. */
public enum DeploymentKind { IMPORT, DEPLOY, PROMOTE, ROLLBACK, RECOVER }
