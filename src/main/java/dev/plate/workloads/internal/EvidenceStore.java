package dev.plate.workloads.internal;

import dev.plate.workloads.FailureEvidence;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence of failed deployments, one row each, written once. Lines are kept one per line of text: findings and
 * log lines are made single-line before they are stored. Bounded so a chatty crash cannot fill the database.
 */
@Component
class EvidenceStore {

    static final int MAX_LINE = 500;
    private final JdbcTemplate jdbc;

    EvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores it unless evidence of this deployment exists (a second instance, or a repeated event): returns whether. */
    boolean save(FailureEvidence evidence) {
        try {
            jdbc.update("insert into deployment_evidence (deployment_id, gathered_at, findings, log_lines, problem) "
                    + "values (?, ?, ?, ?, ?)", evidence.deploymentId(), Timestamp.from(evidence.gatheredAt()),
                    join(evidence.findings(), 30_000), join(evidence.logLines(), 60_000), bounded(evidence.problem(),
                            1000));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            return false; // the deployment was removed with its project meanwhile
        }
    }

    Optional<FailureEvidence> find(long deploymentId) {
        return jdbc.query("select gathered_at, findings, log_lines, problem from deployment_evidence "
                + "where deployment_id = ?", (row, index) -> new FailureEvidence(deploymentId,
                        row.getTimestamp("gathered_at").toInstant(), split(row.getString("findings")),
                        split(row.getString("log_lines")), row.getString("problem")), deploymentId)
                .stream().findFirst();
    }

    /** One line each, bounded in length and count, so what is read back is what was stored. */
    static String join(List<String> lines, int maxChars) {
        var text = new StringBuilder();
        for (String line : lines) {
            String single = bounded(line.replaceAll("[\\r\\n]+", " ").replaceAll("\\p{Cntrl}", ""), MAX_LINE);
            if (text.length() + single.length() + 1 > maxChars) {
                break;
            }
            text.append(text.isEmpty() ? "" : "\n").append(single);
        }
        return text.toString();
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static String bounded(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
