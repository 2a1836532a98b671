package dev.plate.deployment.internal;

import dev.plate.chart.AppConfig;
import dev.plate.deployment.DeploymentKind;
import dev.plate.deployment.DeploymentRows;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows as module {@code recovery} writes them. History goes in with the ids the config repository names (plain
 * SQL: JPA cannot insert an identity column's value), and ids issued afterwards are moved past every id that
 * history could have been given: an old link to deployment #165 names the same deployment after recovery, or none,
 * never another one.
 */
@Component
class JpaDeploymentRows implements DeploymentRows {

    private final AppConfigRepository configs;
    private final DeploymentRepository deployments;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    JpaDeploymentRows(AppConfigRepository configs, DeploymentRepository deployments, JdbcTemplate jdbc, Clock clock) {
        this.configs = configs;
        this.deployments = deployments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<RecordedConfig> lockConfig(long projectId, long environmentId) {
        return configs.lockFor(projectId, environmentId)
                .map(row -> new RecordedConfig(AppConfigJson.read(row.configJson()), row.revision()));
    }

    @Override
    public void adoptConfig(long projectId, long environmentId, AppConfig config, String revision) {
        configs.lockFor(projectId, environmentId).orElseThrow()
                .update(AppConfigJson.write(config), revision, clock.instant());
    }

    @Override
    public void addConfig(long projectId, long environmentId, AppConfig config, String revision) {
        configs.save(new AppConfigEntity(projectId, environmentId, AppConfigJson.write(config), revision,
                clock.instant()));
    }

    @Override
    public boolean deploymentExists(long id) {
        return deployments.existsById(id);
    }

    @Override
    public void recordRecovered(long projectId, long environmentId, AppConfig config, String fromRevision,
            String toRevision, String summary) {
        deployments.save(new DeploymentEntity(projectId, environmentId, DeploymentKind.RECOVER, "plate",
                clock.instant(), config.imageTag(), fromRevision, toRevision, AppConfigJson.write(config), summary));
    }

    @Override
    public void insert(long id, HistoryRow row) {
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
    public long highestDeploymentId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from deployment", Long.class);
    }

    @Override
    public void continueIdsAfter(long highest) {
        long wanted = Math.max(highest, highestDeploymentId()) + 1;
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
