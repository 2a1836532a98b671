package dev.plate.projects.ui;

import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentActivity;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rows of the Projects grid, a page at a time. Without a status filter the database pages (name order,
 * search in SQL); a status filter is answered from Argo CD's states in memory, then only the page's projects
 * are read.
 */
final class ProjectRows {

    /** One badge per environment: Argo CD's health (and sync) when known, else the last deployment's outcome. */
    record Badge(String label, String tone, String detail) {

        static final Badge NONE = new Badge("—", "not_configured", "Not configured in this environment");
    }

    record Row(ProjectSummary project, Map<String, Badge> badges) {

        Badge badge(String environment) {
            return badges.getOrDefault(environment, Badge.NONE);
        }
    }

    enum StatusFilter {
        ANY("Any status", status -> true),
        HEALTHY("Healthy", status -> "Healthy".equals(status.health())),
        PROGRESSING("Progressing", status -> "Progressing".equals(status.health())),
        DEGRADED("Degraded", ApplicationStatus::degraded),
        OUT_OF_SYNC("Out of sync", status -> "OutOfSync".equals(status.sync())),
        MISSING("Missing or unknown", status -> "Missing".equals(status.health()) || "Unknown".equals(status.health())),
        SUSPENDED("Suspended", status -> "Suspended".equals(status.health()));

        private final String label;
        private final Predicate<ApplicationStatus> test;

        StatusFilter(String label, Predicate<ApplicationStatus> test) {
            this.label = label;
            this.test = test;
        }

        String label() {
            return label;
        }
    }

    private final ProjectService projects;
    private final DeploymentActivity activity;
    private final ApplicationStatuses statuses;
    private final List<EnvironmentSummary> environments;

    ProjectRows(ProjectService projects, DeploymentActivity activity, ApplicationStatuses statuses,
            List<EnvironmentSummary> environments) {
        this.projects = projects;
        this.activity = activity;
        this.statuses = statuses;
        this.environments = environments;
    }

    List<EnvironmentSummary> environments() {
        return environments;
    }

    int count(String text, StatusFilter filter) {
        return filtered(filter).map(names -> matching(names, text).size())
                .orElseGet(() -> (int) projects.count(text));
    }

    List<Row> page(String text, StatusFilter filter, int offset, int limit) {
        List<ProjectSummary> page = filtered(filter).map(names -> {
            var all = matching(names, text);
            return projects.findAll(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
        }).orElseGet(() -> projects.search(text, offset, limit));
        var latest = new HashMap<String, Map<String, DeploymentRecord>>();
        for (var record : activity.latestOf(page)) {
            latest.computeIfAbsent(record.project(), name -> new HashMap<>()).put(record.environment(), record);
        }
        return page.stream().map(project -> new Row(project, badges(project, latest.getOrDefault(project.name(),
                Map.of())))).toList();
    }

    private Map<String, Badge> badges(ProjectSummary project, Map<String, DeploymentRecord> latest) {
        var badges = new HashMap<String, Badge>();
        boolean watched = LiveStatus.watched(statuses.connection());
        for (var env : environments) {
            var last = latest.get(env.name());
            if (last == null) {
                continue;
            }
            var live = statuses.of(project.name(), env.name());
            badges.put(env.name(), live.map(status -> new Badge(status.health() + ("OutOfSync".equals(status.sync())
                            ? " · out of sync" : ""), LiveStatus.healthTone(status.health()), last.config().imageTag()
                            + (status.healthMessage() == null || status.healthMessage().isBlank() ? ""
                            : ": " + status.healthMessage())))
                    .orElseGet(() -> new Badge(LiveStatus.label(last.state(), watched), LiveStatus.tone(last.state(), watched),
                            last.config().imageTag() + ", " + last.kind().name().toLowerCase() + " by "
                                    + last.requestedBy())));
        }
        return badges;
    }

    /** With a status filter: the names of the projects with at least one Application in that state. */
    private Optional<List<String>> filtered(StatusFilter filter) {
        if (filter == null || filter == StatusFilter.ANY) {
            return Optional.empty();
        }
        return Optional.of(statuses.all().stream().filter(filter.test).map(ApplicationStatus::project).distinct()
                .sorted().toList());
    }

    /**
     * The store's names that are projects here matching the text (an Application may outlive its project, or not
     * be Plate's): the count must equal the rows the grid then gets.
     */
    private List<String> matching(List<String> names, String text) {
        var hits = new HashSet<>(projects.names(text == null ? "" : text));
        return names.stream().filter(hits::contains).toList();
    }
}
