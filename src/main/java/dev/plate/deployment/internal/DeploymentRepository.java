package dev.plate.deployment.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRepository extends JpaRepository<DeploymentEntity, Long> {

    List<DeploymentEntity> findByProjectIdAndEnvironmentIdOrderByIdDesc(long projectId, long environmentId);
}
