package dev.plate.project.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<ProjectEntity, Long> {

    Optional<ProjectEntity> findByName(String name);

    boolean existsByName(String name);

    List<ProjectEntity> findAllByOrderByNameAsc();
}
