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

    /**
     * Changes where an environment deploys, whether Argo CD syncs it by itself and whether it is protected: one
     * commit with its description and every project's Application in it, which Argo CD then gets.
     */
    @PreAuthorize("hasRole('ADMIN')")
    EnvironmentSummary update(String name, dev.plate.environment.EnvironmentSettings settings);

    @PreAuthorize("hasRole('ADMIN')")
    List<EnvironmentSummary> reorder(List<String> names);

    @PreAuthorize("hasRole('ADMIN')")
    void remove(String name);
}
