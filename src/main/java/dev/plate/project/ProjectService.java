package dev.plate.project;

import java.util.List;
import java.util.Optional;

/**
 * Project records. Importing a project — chart, values and commit included — is
 * {@code dev.plate.deployment.ImportService}; this service only keeps the rows, inside that transaction.
 */
public interface ProjectService {

    /** Validates and stores a new project; refuses a name already taken. Must run inside a transaction. */
    ProjectSummary create(NewProject project, String createdBy);

    Optional<ProjectSummary> find(String name);

    List<ProjectSummary> list();

    /** Deletes the row (its configurations and deployments go with it). Must run inside a transaction. */
    void delete(String name);
}
