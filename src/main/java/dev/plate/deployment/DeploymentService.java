package dev.plate.deployment;

import dev.plate.chart.AppConfig;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Imports and deployments: each is one commit to the config repository, one row per environment changed,
 * and an audit event. Deploying to a protected environment needs a MAINTAINER.
 */
public interface DeploymentService {

    @PreAuthorize("hasRole('DEVELOPER')")
    ImportResult importProject(ImportRequest request);

    @PreAuthorize("hasRole('DEVELOPER')")
    DeploymentRecord deploy(DeployRequest request);

    @PreAuthorize("hasRole('VIEWER')")
    AppConfig currentConfig(String project, String environment);

    @PreAuthorize("hasRole('VIEWER')")
    List<DeploymentRecord> history(String project, String environment);
}
