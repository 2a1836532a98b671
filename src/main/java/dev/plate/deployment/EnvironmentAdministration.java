package dev.plate.deployment;

import dev.plate.environment.EnvironmentSummary;
import dev.plate.environment.NewEnvironment;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Adding, renaming, reordering and removing environments: ADMIN only, each one commit that keeps
 * {@code environments/*.yaml} (and, for a new environment, every project's values) in step with the rows.
 * Renaming and removing are refused while projects are deployed to the environment.
 */
public interface EnvironmentAdministration {

    @PreAuthorize("hasRole('ADMIN')")
    EnvironmentSummary add(NewEnvironment environment);

    @PreAuthorize("hasRole('ADMIN')")
    EnvironmentSummary rename(String name, String newName);

    @PreAuthorize("hasRole('ADMIN')")
    List<EnvironmentSummary> reorder(List<String> names);

    @PreAuthorize("hasRole('ADMIN')")
    void remove(String name);
}
