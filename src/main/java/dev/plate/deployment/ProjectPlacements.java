package dev.plate.deployment;

import dev.plate.environment.EnvironmentSummary;
import java.util.List;
import java.util.Map;

/** Which environments each project is configured in: what the cluster side should hold, and nothing more. */
public interface ProjectPlacements {

    /** Every project with a configuration, and its environments in promotion order. */
    Map<String, List<EnvironmentSummary>> byProject();
}
