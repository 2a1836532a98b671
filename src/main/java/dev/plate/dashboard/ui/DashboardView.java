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
import dev.plate.base.health.ComponentStatus;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** The landing page: is everything Plate depends on working? */
@Route("")
@PageTitle("Dashboard")
@Menu(order = 0, title = "Dashboard", icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends Div {

    DashboardView(SystemHealthService health) {
        addClassName("plate-page");
        var heading = new H2("System health");
        var intro = new Paragraph("The systems Plate works with, checked when this page opened.");
        intro.addClassName("plate-muted");
        var cards = new Div();
        cards.addClassName("plate-cards");
        health.currentStatus().forEach(status -> cards.add(card(status)));
        add(heading, intro, cards);
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
