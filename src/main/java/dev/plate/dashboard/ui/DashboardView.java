package dev.plate.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.admin.SystemHealthService;
import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.health.ComponentStatus;
import dev.plate.history.DeploymentActivity;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectService;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The landing page: is everything Plate depends on working, and how are deployments going? */
@Route("")
@PageTitle("Dashboard")
@Menu(order = 0, title = "Dashboard", icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int DAYS = 30;
    private static final int LISTED = 5;

    DashboardView(SystemHealthService health, ApplicationStatuses applications, ProjectService projects,
            DeploymentActivity activity, dev.plate.delivery.ArgoCdReconciliation reconciliation,
            com.vaadin.flow.spring.security.AuthenticationContext authentication,
            dev.plate.approvals.DeploymentRequests requests) {
        addClassName("plate-page");
        // First: changes other people wait for, which this reader may approve.
        add(new dev.plate.approvals.ui.RequestsPanel(requests, "Waiting for your approval", requests::waitingForMe,
                () -> { }));
        var heading = new H2("System health");
        var intro = new Paragraph("The systems Plate works with, checked when this page opened.");
        intro.addClassName("plate-muted");
        var cards = new Div();
        cards.addClassName("plate-cards");
        health.currentStatus().forEach(status -> cards.add(card(status)));
        add(heading, intro, cards);
        if (authentication.hasRole("ADMIN")) {
            reconciliation.last().filter(report -> !report.orphanProjects().isEmpty()).ifPresent(report -> add(
                    new OrphanedObjects(report, reconciliation, () -> getUI().ifPresent(ui -> ui.getPage().reload()))));
        }
        long projectCount = projects.count("");
        boolean watched = applications.connection().state() != ApplicationStatuses.Connection.State.NOT_CONFIGURED;
        add(new H2("Deployments"), deploymentCards(projectCount, activity, watched),
                plot(activity.perDay(DAYS), watched));
        if (applications.connection().state() != ApplicationStatuses.Connection.State.NOT_CONFIGURED) {
            add(new H2("Applications"), applicationCounts(applications));
        }
    }

    /** Projects, what is waiting for Argo CD, what failed lately: where a person looks first. */
    /** @param watched whether Argo CD is connected: without it, committed deployments wait for nothing */
    private static Component deploymentCards(long projectCount, DeploymentActivity activity, boolean watched) {
        var cards = new Div();
        cards.addClassName("plate-cards");
        var projects = listCard("Projects", "projects");
        projects.add(new Paragraph(projectCount == 0 ? "None yet: import one on the Projects page, or run "
                + "plate import . in a project's directory." : projectCount + (projectCount == 1 ? " project" : " projects")
                + " deployed by Plate."));
        var waiting = listCard(watched ? "In progress" : "Committed, not deployed", "in-progress");
        var inProgress = activity.inProgress(LISTED);
        if (!watched) {
            waiting.add(new Paragraph("Argo CD is not connected: changes are committed to Git and deploy once a "
                    + "cluster is connected (Admin → Integrations)."));
        } else if (inProgress.isEmpty()) {
            waiting.add(new Paragraph("Nothing is waiting for Argo CD."));
        }
        inProgress.forEach(record -> waiting.add(deploymentLine(record, record.kind().name().toLowerCase(Locale.ROOT)
                + " " + record.imageTag() + " by " + record.requestedBy() + ", " + WHEN.format(record.requestedAt()))));
        var failed = listCard("Recent failures", "failures");
        var failures = activity.recentFailures(LISTED);
        if (failures.isEmpty()) {
            failed.add(new Paragraph("No deployment has failed."));
        }
        failures.forEach(record -> failed.add(deploymentLine(record, WHEN.format(record.requestedAt()) + ": "
                + (record.outcome().isBlank() ? record.state().name().toLowerCase(Locale.ROOT) : record.outcome()))));
        cards.add(projects, waiting, failed);
        return cards;
    }

    private static Div listCard(String title, String key) {
        var name = new Span(title);
        name.addClassName("plate-card-title");
        var card = new Div(name);
        card.addClassNames("plate-card", "plate-card-list");
        card.getElement().setAttribute("data-card", key);
        return card;
    }

    private static Component deploymentLine(DeploymentRecord record, String detail) {
        var link = new Anchor("projects/" + record.project(), record.project() + " → " + record.environment());
        var text = new Span(" " + detail);
        text.addClassName("plate-muted");
        var line = new Paragraph(link, text);
        line.addClassName("plate-card-detail");
        return line;
    }

    static Component plot(List<DeploymentActivity.Day> days, boolean watched) {
        long total = days.stream().mapToLong(DeploymentActivity.Day::total).sum();
        var title = new Span("Deployments per day, last " + days.size() + " days (" + total + " in all)");
        title.addClassName("plate-card-title");
        var legend = new Div();
        legend.addClassName("plate-plot-legend");
        DeploymentsPlot.legend(watched).forEach(entry -> {
            var swatch = new Span();
            swatch.addClassNames("plate-plot-swatch", entry[0]);
            legend.add(new Span(swatch, new Span(entry[1])));
        });
        if (total == 0) {
            // Day one: an empty chart reads as broken; say what will appear here and how to get there.
            var empty = new Paragraph("No deployments in the last " + days.size() + " days. Import a project or "
                    + "deploy one (from its page, or plate deploy) and each day's outcomes show here.");
            empty.addClassName("plate-muted");
            var card = new Div(title, empty);
            card.addClassNames("plate-card", "plate-plot-card", "plate-plot-empty");
            return card;
        }
        var card = new Div(title, DeploymentsPlot.of(days, watched), legend);
        card.addClassNames("plate-card", "plate-plot-card");
        return card;
    }

    /** How many Plate applications Argo CD reports in each health and sync state (from memory, no API call). */
    private static Component applicationCounts(ApplicationStatuses applications) {
        var all = applications.all();
        var cards = new Div();
        cards.addClassName("plate-cards");
        cards.add(countCard("Health", all.stream().collect(Collectors.groupingBy(ApplicationStatus::health,
                TreeMap::new, Collectors.counting()))));
        cards.add(countCard("Sync", all.stream().collect(Collectors.groupingBy(ApplicationStatus::sync,
                TreeMap::new, Collectors.counting()))));
        return cards;
    }

    private static Component countCard(String title, Map<String, Long> counts) {
        var name = new Span(title);
        name.addClassName("plate-card-title");
        var card = new Div(name);
        card.addClassName("plate-card");
        card.getElement().setAttribute("data-counts", title.toLowerCase(Locale.ROOT));
        if (counts.isEmpty()) {
            card.add(new Paragraph("No applications yet."));
        }
        counts.forEach((state, count) -> {
            var line = new Paragraph(count + " " + state);
            line.addClassName("plate-card-detail");
            card.add(line);
        });
        return card;
    }

    private static Component card(ComponentStatus status) {
        var name = new Span(status.component());
        name.addClassName("plate-card-title");
        var badge = new Span(status.state().label());
        badge.addClassNames("plate-badge", "plate-badge-" + status.state().name().toLowerCase(Locale.ROOT));
        var top = new Div(name, badge);
        top.addClassName("plate-card-top");
        var detail = new Paragraph(status.detail());
        detail.addClassName("plate-card-detail");
        var card = new Div(top, detail);
        card.addClassName("plate-card");
        card.getElement().setAttribute("data-component", status.component());
        return card;
    }
}
