package dev.plate.history.internal;

import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentActivity;
import dev.plate.history.DeploymentRecord;
import dev.plate.history.DeploymentState;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaDeploymentActivity implements DeploymentActivity {

    private final EntityManager entities;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final Clock clock;

    JpaDeploymentActivity(EntityManager entities, ProjectService projects, EnvironmentService environments,
            Clock clock) {
        this.entities = entities;
        this.projects = projects;
        this.environments = environments;
        this.clock = clock;
    }

    @Override
    public List<Day> perDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        var counts = new LinkedHashMap<LocalDate, Map<DeploymentState, Long>>();
        // One grouped count per UTC day over the requested_at index: rows are counted in the database, never
        // loaded, however many deployments a day brings; and the days stay UTC days on PostgreSQL and H2 alike.
        var query = entities.createQuery("select d.state, count(d) from DeploymentEntity d where d.requestedAt >= "
                + ":from and d.requestedAt < :to group by d.state", Object[].class);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            var states = new EnumMap<DeploymentState, Long>(DeploymentState.class);
            query.setParameter("from", day.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .setParameter("to", day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    .getResultList().forEach(row -> states.put((DeploymentState) row[0], (Long) row[1]));
            counts.put(day, states);
        }
        return counts.entrySet().stream().map(entry -> new Day(entry.getKey(), Map.copyOf(entry.getValue()))).toList();
    }

    @Override
    public List<DeploymentRecord> inProgress(int limit) {
        return records(entities.createQuery("select d from DeploymentEntity d where d.state = :state order by d.id desc",
                DeploymentEntity.class).setParameter("state", DeploymentState.COMMITTED).setMaxResults(limit)
                .getResultList());
    }

    @Override
    public List<DeploymentRecord> recentFailures(int limit) {
        return records(entities.createQuery("select d from DeploymentEntity d where d.state in :states "
                + "order by d.id desc", DeploymentEntity.class)
                .setParameter("states", List.of(DeploymentState.FAILED, DeploymentState.TIMED_OUT)).setMaxResults(limit)
                .getResultList());
    }

    @Override
    public List<Long> projectsByLastChange(String environment) {
        Long environmentId = environment == null ? null : environments.list().stream()
                .filter(env -> env.name().equals(environment)).map(EnvironmentSummary::id).findFirst().orElse(-1L);
        var query = entities.createQuery("select x.projectId from DeploymentEntity x"
                + (environmentId == null ? "" : " where x.environmentId = :environment")
                + " group by x.projectId order by max(x.id) desc", Long.class);
        if (environmentId != null) {
            query.setParameter("environment", environmentId);
        }
        return query.getResultList();
    }

    @Override
    public List<DeploymentRecord> latestOf(List<ProjectSummary> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        var rows = entities.createQuery("select d from DeploymentEntity d where d.id in (select max(x.id) from "
                + "DeploymentEntity x where x.projectId in :ids group by x.projectId, x.environmentId)",
                DeploymentEntity.class).setParameter("ids", page.stream().map(ProjectSummary::id).toList())
                .getResultList();
        return records(rows, page);
    }

    private List<DeploymentRecord> records(List<DeploymentEntity> rows) {
        var ids = rows.stream().map(DeploymentEntity::projectId).distinct().toList();
        return records(rows, projects.findAllById(ids));
    }

    private List<DeploymentRecord> records(List<DeploymentEntity> rows, List<ProjectSummary> known) {
        Map<Long, ProjectSummary> byId = known.stream().collect(Collectors.toMap(ProjectSummary::id,
                Function.identity()));
        Map<Long, EnvironmentSummary> envs = environments.list().stream()
                .collect(Collectors.toMap(EnvironmentSummary::id, Function.identity()));
        var records = new ArrayList<DeploymentRecord>();
        for (var row : rows) {
            var project = byId.get(row.projectId());
            var env = envs.get(row.environmentId());
            if (project != null && env != null) {
                records.add(DeploymentRecords.of(row, project, env));
            }
        }
        return records;
    }
}
