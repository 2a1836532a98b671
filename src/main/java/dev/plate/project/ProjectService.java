package dev.plate.project;

import java.util.List;
import java.util.Optional;

/**
 * Project records. Importing a project — chart, values and commit included — is
 * {@code dev.plate.deployment.DeploymentService#importProject}; this service only keeps the rows, inside that
 * transaction.
 */
public interface ProjectService {

    /** What {@link #create} checks, without storing anything: for forms that validate as a person types. */
    void check(NewProject project);

    /** Validates and stores a new project; refuses a name already taken. Must run inside a transaction. */
    ProjectSummary create(NewProject project, String createdBy);

    Optional<ProjectSummary> find(String name);

    List<ProjectSummary> list();

    /**
     * A page of the projects whose name or one of whose owners contains {@code text} (any case; blank: every
     * project), in name order: what a lazy grid asks for, so thousands of projects are never all loaded.
     */
    default List<ProjectSummary> search(String text, int offset, int limit) {
        return search(text, offset, limit, false);
    }

    /** {@link #search(String, int, int)}, in reverse name order when {@code descending}. */
    List<ProjectSummary> search(String text, int offset, int limit, boolean descending);

    /** How many projects {@link #search} finds. */
    long count(String text);

    /** The projects {@link #search} finds, as name → id in name order (for orders and filters that live elsewhere). */
    java.util.SequencedMap<String, Long> ids(String text);

    /** The names of the projects {@link #search} finds, in name order (for filters that live elsewhere). */
    List<String> names(String text);

    /** These projects by id, in name order (those that exist). */
    List<ProjectSummary> findAllById(java.util.Collection<Long> ids);

    /** These projects, in name order (those that exist). */
    List<ProjectSummary> findAll(java.util.Collection<String> names);

    /** Deletes the row (its configurations and deployments go with it). Must run inside a transaction. */
    void delete(String name);
}
