package dev.plate.deployment;

/** COMMITTED: in Git; later states come from Argo CD once a cluster is connected. */
public enum DeploymentState { COMMITTED, SUCCEEDED, FAILED, TIMED_OUT }
