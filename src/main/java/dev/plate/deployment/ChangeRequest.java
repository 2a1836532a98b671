package dev.plate.deployment;

/** A change to one environment's configuration: a deployment, a promotion into it, or a rollback in it. */
public sealed interface ChangeRequest permits DeployRequest, PromoteRequest, RollbackRequest {

    String project();

    /** The environment whose configuration changes. */
    String targetEnvironment();
}
