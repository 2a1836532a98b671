package dev.plate.projects.ui;

import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.StatusFilter;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentActivity;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the Projects grid, a page at a time. In name order without a status filter the database pages
 * (search in SQL); a status filter is answered from Argo CD's states in memory and an order by last change from
 * one grouped query over the deployments, then only the page's projects are read.
 */
final class ProjectRows {

    /**
     * What runs in one environment: the image tag, a badge (Argo CD's health and sync when known, else the last
     * deployment's outcome) and how long ago it last changed.
     */
    record Badge(String tag, String label, String tone, String detail, String age) {

        static final Badge NONE = new Badge("", "Not deployed", "not_configured", "Not deployed to this environment",
                "");
    }

    record Row(ProjectSummary project, Map<String, Badge> badges) {

        Badge badge(String environment) {
            return badges.getOrDefault(environment, Badge.NONE);
        }
    }

    /** The grid's order: by name, or by the last change (in one environment, or in any when it is null). */
    record Order(boolean byName, String environment, boolean descending) {

        static final Order BY_NAME = new Order(true, null, false);
    }

    private final ProjectService projects;
    private final DeploymentActivity activity;
    private final ApplicationStatuses statuses;
    private final List<EnvironmentSummary> environments;
    private final Clock clock;

    ProjectRows(ProjectService projects, DeploymentActivity activity, ApplicationStatuses statuses,
            List<EnvironmentSummary> environments, Clock clock) {
        this.clock = clock;
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

    List<Row> page(String text, StatusFilter filter, Order order, int offset, int limit) {
        List<ProjectSummary> page;
        var filteredNames = filtered(filter);
        if (order.byName() && filteredNames.isEmpty()) {
            page = projects.search(text, offset, limit, order.descending());
        } else {
            var all = ordered(filteredNames.map(names -> matching(names, text)).orElseGet(() -> projects.names(text)),
                    text, order);
            var names = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            var byName = new HashMap<String, ProjectSummary>();
            projects.findAll(names).forEach(project -> byName.put(project.name(), project));
            page = names.stream().map(byName::get).filter(java.util.Objects::nonNull).toList();
        }
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
            String tag = last.imageTag();
            String age = Ages.since(last.requestedAt(), clock.instant());
            String change = last.kind().name().toLowerCase(java.util.Locale.ROOT) + " by " + last.requestedBy() + ", "
                    + age;
            badges.put(env.name(), live.map(status -> new Badge(tag, status.health() + ("OutOfSync".equals(
                            status.sync()) ? " · out of sync" : ""), LiveStatus.healthTone(status.health()), change
                            + (status.healthMessage() == null || status.healthMessage().isBlank() ? ""
                            : ": " + status.healthMessage()), age))
                    .orElseGet(() -> new Badge(tag, LiveStatus.label(last.state(), watched), LiveStatus.tone(
                            last.state(), watched), change, age)));
        }
        return badges;
    }

    /** These names (in name order) in the grid's order: by name either way, or by last change, newest first. */
    private List<String> ordered(List<String> names, String text, Order order) {
        if (order.byName()) {
            return order.descending() ? names.reversed() : names;
        }
        var ids = projects.ids(text);
        var rank = new HashMap<Long, Integer>();
        var changed = activity.projectsByLastChange(order.environment());
        for (int i = 0; i < changed.size(); i++) {
            rank.put(changed.get(i), i);
        }
        // Never deployed: after every deployed project, in name order.
        var sorted = new java.util.ArrayList<>(names);
        sorted.sort(java.util.Comparator.comparingInt(name -> rank.getOrDefault(ids.get(name), Integer.MAX_VALUE)));
        if (order.descending()) {
            // The oldest change first; never deployed still last.
            var deployed = sorted.stream().filter(name -> rank.containsKey(ids.get(name))).toList().reversed();
            var never = sorted.stream().filter(name -> !rank.containsKey(ids.get(name))).toList();
            sorted = new java.util.ArrayList<>(deployed);
            sorted.addAll(never);
        }
        return sorted;
    }

    private Optional<List<String>> filtered(StatusFilter filter) {
        return filter == null ? Optional.empty() : filter.projects(statuses);
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
