package dev.plate.deployment;

import java.util.Optional;

/** @param toDeployment the deployment whose configuration to restore; empty: the last different one */
public record RollbackRequest(String project, String environment, Optional<Long> toDeployment)
        implements ChangeRequest {

    @Override
    public String targetEnvironment() {
        return environment;
    }
}
