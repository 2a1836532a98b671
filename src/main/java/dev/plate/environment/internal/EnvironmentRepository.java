package dev.plate.environment.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnvironmentRepository extends JpaRepository<EnvironmentEntity, Long> {

    List<EnvironmentEntity> findAllByOrderByPositionAsc();

    Optional<EnvironmentEntity> findByName(String name);
}
