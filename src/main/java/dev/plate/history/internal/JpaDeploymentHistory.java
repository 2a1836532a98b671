package dev.plate.history.internal;

import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigJson;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentHistory;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history as JPA rows. Restored rows go in by plain SQL (JPA cannot insert an identity column's value), and
 * ids issued afterwards are moved past every id that history could have been given: an old link to deployment
 * #165 names the same deployment after recovery, or none, never another one.
 */
@Component
class JpaDeploymentHistory implements DeploymentHistory {

    private final DeploymentRepository deployments;
    private final ProjectService projects;
    private final EnvironmentService environments;
    private final DeploymentMetrics metrics;
    private final JdbcTemplate jdbc;

    JpaDeploymentHistory(DeploymentRepository deployments, ProjectService projects, EnvironmentService environments,
            DeploymentMetrics metrics, JdbcTemplate jdbc) {
        this.deployments = deployments;
        this.projects = projects;
        this.environments = environments;
        this.metrics = metrics;
        this.jdbc = jdbc;
    }

    @Override
    public long record(NewDeployment d) {
        return deployments.saveAndFlush(new DeploymentEntity(d.projectId(), d.environmentId(), d.kind(),
                d.requestedBy(), d.requestedAt(), d.config().imageTag(), d.fromRevision(), d.toRevision(),
                AppConfigJson.write(d.config()), d.summary())).id();
    }

    @Override
    public void replanned(long id, AppConfig config, String summary) {
        row(id).replanned(config.imageTag(), AppConfigJson.write(config), summary);
    }

    @Override
    public void committed(long id, String fromRevision, String toRevision) {
        var row = row(id);
        row.committed(fromRevision, toRevision);
        metrics.committed(row.kind());
    }

    @Override
    public void awaitingDelivery(long id) {
        row(id).awaitingDelivery();
    }

    @Override
    public Optional<DeploymentRecord> find(long id) {
        return deployments.findById(id).flatMap(row -> records(List.of(row),
                projects.findAllById(List.of(row.projectId()))).stream().findFirst());
    }

    @Override
    public DeploymentRecord get(long id, ProjectSummary project, EnvironmentSummary environment) {
        return DeploymentRecords.of(row(id), project, environment);
    }

    @Override
    public List<DeploymentRecord> of(ProjectSummary project, EnvironmentSummary environment) {
        return deployments.findByProjectIdAndEnvironmentIdOrderByIdDesc(project.id(), environment.id()).stream()
                .map(row -> DeploymentRecords.of(row, project, environment)).toList();
    }

    @Override
    public List<DeploymentRecord> latest(Optional<ProjectSummary> project) {
        return project.map(p -> records(deployments.findLatestOfProject(p.id()), List.of(p)))
                .orElseGet(() -> records(deployments.findLatest(), projects.list()));
    }

    /** Rows of these projects, in environments that still exist, as records. */
    private List<DeploymentRecord> records(List<DeploymentEntity> rows, List<ProjectSummary> known) {
        Map<Long, ProjectSummary> projectsById = known.stream()
                .collect(Collectors.toMap(ProjectSummary::id, Function.identity()));
        Map<Long, EnvironmentSummary> environmentsById = environments.list().stream()
                .collect(Collectors.toMap(EnvironmentSummary::id, Function.identity()));
        return rows.stream()
                .filter(row -> projectsById.containsKey(row.projectId())
                        && environmentsById.containsKey(row.environmentId()))
                .map(row -> DeploymentRecords.of(row, projectsById.get(row.projectId()),
                        environmentsById.get(row.environmentId())))
                .toList();
    }

    private DeploymentEntity row(long id) {
        return deployments.findById(id).orElseThrow();
    }

    @Override
    public boolean exists(long id) {
        return deployments.existsById(id);
    }

    @Override
    public void restore(long id, Restored row) {
        jdbc.update("insert into deployment (id, project_id, environment_id, kind, state, requested_by, requested_at, "
                + "image_tag, from_revision, to_revision, config_json, summary, finished_at, outcome_message, "
                + "delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, row.projectId(),
                row.environmentId(), row.kind().name(), row.state().name(), truncate(row.requestedBy(), 64),
                Timestamp.from(row.requestedAt()), truncate(row.config().imageTag(), 128), row.fromRevision(),
                row.toRevision(), AppConfigJson.write(row.config()), truncate(row.summary(), 512),
                row.finishedAt().map(Timestamp::from).orElse(null), row.outcome(),
                Timestamp.from(row.requestedAt()));
    }

    @Override
    public long highestId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from deployment", Long.class);
    }

    @Override
    public void continueIdsAfter(long highest) {
        long wanted = Math.max(highest, highestId()) + 1;
        String product = jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
                .getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            String sequence = jdbc.queryForObject("select pg_get_serial_sequence('deployment', 'id')", String.class);
            // setval(…, v, true): the next id is v + 1.
            jdbc.queryForObject("select setval(?::regclass, greatest(?, last_value), true) from " + sequence,
                    Long.class, sequence, wanted - 1);
        } else {
            Long next = jdbc.queryForObject("select identity_base from information_schema.columns where "
                    + "lower(table_name) = 'deployment' and lower(column_name) = 'id'", Long.class);
            if (next == null || next < wanted) {
                jdbc.execute("alter table deployment alter column id restart with " + wanted);
            }
        }
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }
}
