package dev.plate.gitops.internal;

import dev.plate.gitops.ConfigRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code configRepositoryWrites}: DOWN while commits fail (a lock that cannot be removed, a
 * full disk, Gitea down), with why. Not in the liveness group: a restart would not help, and reads still work.
 */
@Component("configRepositoryWrites")
class ConfigRepositoryHealth implements HealthIndicator {

    private final ConfigRepository repository;

    ConfigRepositoryHealth(ConfigRepository repository) {
        this.repository = repository;
    }

    @Override
    public Health health() {
        return repository.writeProblem().map(problem -> Health.down().withDetail("write", problem).build())
                .orElseGet(() -> Health.up().build());
    }
}
