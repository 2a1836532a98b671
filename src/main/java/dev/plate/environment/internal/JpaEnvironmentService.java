package dev.plate.environment.internal;

import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaEnvironmentService implements EnvironmentService {

    private final EnvironmentRepository environments;

    JpaEnvironmentService(EnvironmentRepository environments) {
        this.environments = environments;
    }

    @Override
    public List<EnvironmentSummary> list() {
        return environments.findAllByOrderByPositionAsc().stream().map(EnvironmentEntity::toSummary).toList();
    }

    @Override
    public Optional<EnvironmentSummary> find(String name) {
        return environments.findByName(name).map(EnvironmentEntity::toSummary);
    }
}
