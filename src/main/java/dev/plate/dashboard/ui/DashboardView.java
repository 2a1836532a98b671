package dev.plate.dashboard.ui;

import com.vaadin.flow.component.Component;
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
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The landing page: is everything Plate depends on working? */
@Route("")
@PageTitle("Dashboard")
@Menu(order = 0, title = "Dashboard", icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends Div {

    DashboardView(SystemHealthService health, ApplicationStatuses applications) {
        addClassName("plate-page");
        var heading = new H2("System health");
        var intro = new Paragraph("The systems Plate works with, checked when this page opened.");
        intro.addClassName("plate-muted");
        var cards = new Div();
        cards.addClassName("plate-cards");
        health.currentStatus().forEach(status -> cards.add(card(status)));
        add(heading, intro, cards);
        if (applications.connection().state() != ApplicationStatuses.Connection.State.NOT_CONFIGURED) {
            add(new H2("Applications"), applicationCounts(applications));
        }
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
