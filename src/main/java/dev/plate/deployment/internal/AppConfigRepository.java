package dev.plate.deployment.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AppConfigRepository extends JpaRepository<AppConfigEntity, Long> {

    /**
     * Row lock: deploys to one project and environment queue here, on every instance, so their commits land
     * in the order their changes were computed and the last one wins.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from AppConfigEntity c where c.projectId = :projectId and c.environmentId = :environmentId")
    Optional<AppConfigEntity> lockFor(long projectId, long environmentId);

    Optional<AppConfigEntity> findByProjectIdAndEnvironmentId(long projectId, long environmentId);

    long countByEnvironmentId(long environmentId);

    /** Which project is configured in which environment, without reading the configurations themselves. */
    @Query("select c.projectId as projectId, c.environmentId as environmentId from AppConfigEntity c")
    List<Placement> placements();

    interface Placement {
        long getProjectId();
        long getEnvironmentId();
    }
}
