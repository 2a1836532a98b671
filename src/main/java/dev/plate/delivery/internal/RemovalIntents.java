package dev.plate.delivery.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RemovalIntents extends JpaRepository<RemovalIntent, Long> {

    Optional<RemovalIntent> findByProject(String project);

    @Modifying
    @org.springframework.transaction.annotation.Transactional
    @Query("delete from RemovalIntent r where r.project = :project")
    int deleteByProject(String project);
}
