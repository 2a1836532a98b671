package dev.plate.deployment.internal;

import dev.plate.deployment.DeploymentLedger;
import java.time.Instant;
import org.springframework.stereotype.Component;

@Component
class JpaDeploymentLedger implements DeploymentLedger {

    private final DeploymentRepository deployments;

    JpaDeploymentLedger(DeploymentRepository deployments) {
        this.deployments = deployments;
    }

    @Override
    public void delivered(long deploymentId, Instant at) {
        deployments.delivered(deploymentId, at);
    }
}
