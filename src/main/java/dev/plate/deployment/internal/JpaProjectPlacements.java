package dev.plate.deployment.internal;

import dev.plate.deployment.ProjectPlacements;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Placements from the configuration rows: one query for the pairs, none for the configurations themselves. */
@Component
class JpaProjectPlacements implements ProjectPlacements {

    private final ProjectService projects;
    private final EnvironmentService environments;
    private final AppConfigRepository configs;

    JpaProjectPlacements(ProjectService projects, EnvironmentService environments, AppConfigRepository configs) {
        this.projects = projects;
        this.environments = environments;
        this.configs = configs;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<EnvironmentSummary>> byProject() {
        Map<Long, ProjectSummary> byId = projects.list().stream()
                .collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        Map<Long, EnvironmentSummary> envs = environments.list().stream()
                .collect(Collectors.toMap(EnvironmentSummary::id, Function.identity()));
        var wanted = new LinkedHashMap<String, List<EnvironmentSummary>>();
        for (var placement : configs.placements()) {
            var project = byId.get(placement.getProjectId());
            var env = envs.get(placement.getEnvironmentId());
            if (project != null && env != null) {
                wanted.computeIfAbsent(project.name(), name -> new ArrayList<>()).add(env);
            }
        }
        wanted.values().forEach(list -> list.sort(Comparator.comparingInt(EnvironmentSummary::position)));
        return wanted;
    }
}
