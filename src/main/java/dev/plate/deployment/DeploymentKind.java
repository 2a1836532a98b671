package dev.plate.deployment;

public enum DeploymentKind { IMPORT, DEPLOY, PROMOTE, ROLLBACK }
