package dev.plate.recovery;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Disaster recovery: rebuilds projects, environments and each environment's current configuration from the
 * config repository (environments/*.yaml, applications/&lt;app&gt;/project.yaml and &lt;env&gt;/values.yaml) into
 * an empty database, and has the Argo CD Applications re-created. Git is the truth; nothing is committed.
 */
public interface RepositoryRecovery {

    /** @throws dev.plate.base.ValidationException when projects exist already, or a file cannot be read back */
    @PreAuthorize("hasRole('ADMIN')")
    Report recover();

    /**
     * @param revision the commit everything was read from
     * @param projects the projects rebuilt
     * @param environmentsCreated environments found in the repository and missing here
     * @param configurations one per project and environment
     */
    record Report(String revision, List<String> projects, List<String> environmentsCreated, int configurations) {}
}
