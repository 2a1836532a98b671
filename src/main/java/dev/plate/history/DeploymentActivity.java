package dev.plate.history;

import dev.plate.project.ProjectSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;

/** What the dashboard and project lists show about deployments across many projects, each in one or two queries. */
public interface DeploymentActivity {

    /** One day (UTC) and how many deployments requested that day ended in each state (COMMITTED: undecided). */
    record Day(LocalDate day, Map<DeploymentState, Long> outcomes) {

        public long total() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The last {@code days} days, oldest first, every day present (with zeros). */
    @PreAuthorize("hasRole('VIEWER')")
    List<Day> perDay(int days);

    /** Deployments committed and not decided yet (waiting for Argo CD), newest first. */
    @PreAuthorize("hasRole('VIEWER')")
    List<DeploymentRecord> inProgress(int limit);

    /** The newest failed or timed-out deployments. */
    @PreAuthorize("hasRole('VIEWER')")
    List<DeploymentRecord> recentFailures(int limit);

    /**
     * The ids of the projects with deployments, the most recently changed first: in one environment, or in any when
     * {@code environment} is null (what a grid sorted by "last change" pages through).
     */
    @PreAuthorize("hasRole('VIEWER')")
    List<Long> projectsByLastChange(String environment);

    /** The newest deployment of each of these projects in each environment (one query for a page of a grid). */
    @PreAuthorize("hasRole('VIEWER')")
    List<DeploymentRecord> latestOf(List<ProjectSummary> projects);
}
