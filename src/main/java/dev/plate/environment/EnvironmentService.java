package dev.plate.environment;

import java.util.List;
import java.util.Optional;

/** The environments in promotion order. */
public interface EnvironmentService {

    List<EnvironmentSummary> list();

    Optional<EnvironmentSummary> find(String name);
}
