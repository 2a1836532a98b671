package dev.plate.history.internal;

import dev.plate.history.DeploymentState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeploymentRepository extends JpaRepository<DeploymentEntity, Long> {

    List<DeploymentEntity> findByProjectIdAndEnvironmentIdOrderByIdDesc(long projectId, long environmentId);

    List<DeploymentEntity> findByStateOrderByIdDesc(DeploymentState state);

    /** The newest row of every project in every environment, in one query. */
    @Query("select d from DeploymentEntity d where d.id in (select max(x.id) from DeploymentEntity x "
            + "group by x.projectId, x.environmentId)")
    List<DeploymentEntity> findLatest();

    @Query("select d from DeploymentEntity d where d.id in (select max(x.id) from DeploymentEntity x "
            + "where x.projectId = :projectId group by x.environmentId)")
    List<DeploymentEntity> findLatestOfProject(long projectId);

    List<DeploymentEntity> findByProjectIdAndEnvironmentIdAndStateOrderByIdDesc(long projectId, long environmentId,
            DeploymentState state);

    /**
     * Decides a deployment's outcome once: only a COMMITTED row changes, so two instances (or a late report)
     * can never record it twice. Returns 1 if this call decided it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update DeploymentEntity d set d.state = :state, d.finishedAt = :at, d.outcomeMessage = :message "
            + "where d.id = :id and d.state = dev.plate.history.DeploymentState.COMMITTED")
    int finish(long id, DeploymentState state, Instant at, String message);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @org.springframework.transaction.annotation.Transactional
    @Query("update DeploymentEntity d set d.deliveredAt = :at where d.id = :id and d.deliveredAt is null")
    int delivered(long id, Instant at);
}
