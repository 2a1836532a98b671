package dev.plate.history.internal;

import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentLedger;
import dev.plate.history.DeploymentState;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Component
class JpaDeploymentLedger implements DeploymentLedger {

    private final DeploymentRepository deployments;
    private final ProjectService projects;
    private final EnvironmentService environments;

    JpaDeploymentLedger(DeploymentRepository deployments, ProjectService projects, EnvironmentService environments) {
        this.deployments = deployments;
        this.projects = projects;
        this.environments = environments;
    }

    @Override
    public void delivered(long deploymentId, Instant at) {
        deployments.delivered(deploymentId, at);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Undecided> undecided() {
        var projectsById = projects.list().stream().collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        var envsById = environments.list().stream()
                .collect(Collectors.toMap(EnvironmentSummary::id, Function.identity()));
        return deployments.findByStateOrderByIdDesc(DeploymentState.COMMITTED).stream()
                .filter(row -> projectsById.containsKey(row.projectId()) && envsById.containsKey(row.environmentId()))
                .map(row -> undecided(row, projectsById.get(row.projectId()).name(),
                        envsById.get(row.environmentId()).name()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Undecided> undecided(String project, String environment) {
        var found = projects.find(project);
        var env = environments.find(environment);
        if (found.isEmpty() || env.isEmpty()) {
            return List.of();
        }
        return deployments.findByProjectIdAndEnvironmentIdAndStateOrderByIdDesc(found.get().id(), env.get().id(),
                DeploymentState.COMMITTED).stream().map(row -> undecided(row, project, environment)).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean finish(long deploymentId, DeploymentState state, Instant at, String message) {
        return deployments.finish(deploymentId, state, at, message) == 1;
    }

    private static Undecided undecided(DeploymentEntity row, String project, String environment) {
        return new Undecided(row.id(), project, environment, row.kind(), row.requestedAt(),
                Optional.ofNullable(row.deliveredAt()), row.imageTag(), row.toRevision());
    }
}
