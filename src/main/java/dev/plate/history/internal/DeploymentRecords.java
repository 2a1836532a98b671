package dev.plate.history.internal;

import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectSummary;

final class DeploymentRecords {

    private DeploymentRecords() {}

    static DeploymentRecord of(DeploymentEntity row, ProjectSummary project, EnvironmentSummary env) {
        return new DeploymentRecord(row.id(), project.name(), env.name(), row.kind(), row.state(), row.requestedBy(),
                row.requestedAt(), row.imageTag(), row.fromRevision(), row.toRevision(), row.summary(),
                DeploymentRecord.StoredConfig.json(row.configJson()), java.util.Optional.ofNullable(row.finishedAt()),
                row.outcomeMessage() == null ? "" : row.outcomeMessage());
    }
}
