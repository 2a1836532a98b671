package dev.plate.environment;

import java.util.List;
import java.util.Optional;

/**
 * The environments in promotion order. The changing methods only keep the rows and must run inside the
 * transaction of {@code dev.plate.deployment.EnvironmentAdministration}, which also commits the change.
 */
public interface EnvironmentService {

    List<EnvironmentSummary> list();

    Optional<EnvironmentSummary> find(String name);

    /**
     * The environments, with their rows locked until the transaction ends: an import and a change to the
     * environments then never interleave (the import would miss a new environment, or write to a renamed one).
     */
    List<EnvironmentSummary> lockAll();

    /** Validates and inserts; the environments after it move down one place. */
    EnvironmentSummary create(NewEnvironment environment);

    /** Changes an environment's destination, sync and protection (validated as on create). In a transaction. */
    EnvironmentSummary update(String name, EnvironmentSettings settings);

    EnvironmentSummary rename(String name, String newName);

    /** @param names every environment, in the new order */
    List<EnvironmentSummary> reorder(List<String> names);

    void delete(String name);
}
