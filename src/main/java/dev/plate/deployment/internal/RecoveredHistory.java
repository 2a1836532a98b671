package dev.plate.deployment.internal;

import dev.plate.deployment.DeploymentKind;
import dev.plate.deployment.DeploymentState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a recovered deployment history with the ids the config repository names, and makes every id issued
 * afterwards higher than any the repository's history could have been given before: an old link to deployment
 * #165 names the same deployment after recovery, or none, never another one.
 */
@Component
class RecoveredHistory {

    /** One row to write; {@code finishedAt} and {@code outcome} only for a finished one. */
    record Row(long projectId, long environmentId, DeploymentKind kind, DeploymentState state, String requestedBy,
            Instant requestedAt, String imageTag, String fromRevision, String toRevision, String configJson,
            String summary, Instant finishedAt, String outcome) {}

    /**
     * Room above the highest id Git records, where rows were lost: deployments that made no commit (retries,
     * attempts whose commit failed) took ids Git does not record, and an old link must name nothing rather than
     * another deployment.
     */
    static final long UNRECORDED_ID_MARGIN = 1000;

    private final JdbcTemplate jdbc;

    RecoveredHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids for one recovery: those the repository names, then the lowest free ones, in history's order. */
    static final class Ids {
        private final Set<Long> named;
        private final Set<Long> used = new HashSet<>();
        private long next = 1;

        Ids(List<Long> named) {
            this.named = Set.copyOf(named);
        }

        /** The named id if it is still free, else the lowest id neither named nor used. */
        long take(java.util.Optional<Long> id) {
            if (id.isPresent() && used.add(id.get())) {
                return id.get();
            }
            while (named.contains(next) || used.contains(next)) {
                next++;
            }
            used.add(next);
            return next++;
        }

        long highest() {
            return used.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    void insert(long id, Row row) {
        jdbc.update("insert into deployment (id, project_id, environment_id, kind, state, requested_by, requested_at, "
                + "image_tag, from_revision, to_revision, config_json, summary, finished_at, outcome_message, "
                + "delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, row.projectId(),
                row.environmentId(),
                row.kind().name(), row.state().name(), truncate(row.requestedBy(), 64),
                Timestamp.from(row.requestedAt()), truncate(row.imageTag(), 128), row.fromRevision(),
                row.toRevision(), row.configJson(), truncate(row.summary(), 512),
                row.finishedAt() == null ? null : Timestamp.from(row.finishedAt()), row.outcome(),
                Timestamp.from(row.requestedAt()));
    }

    /** The highest deployment id the database holds (0: none). */
    long highestId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from deployment", Long.class);
    }

    /**
     * The next id the database issues is above {@code highest} (and above every row): never lower than one it
     * would have issued anyway, so a call while other instances insert cannot make it issue an id twice.
     */
    void continueAfter(long highest) {
        long wanted = Math.max(highest, jdbc.queryForObject("select coalesce(max(id), 0) from deployment",
                Long.class)) + 1;
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
