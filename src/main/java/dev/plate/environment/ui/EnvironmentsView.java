package dev.plate.environment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/** The promotion path (dev → staging → prod) and where each environment deploys. */
@Route("environments")
@PageTitle("Environments")
@Menu(order = 2, title = "Environments", icon = "vaadin:server")
@PermitAll
class EnvironmentsView extends Div {

    EnvironmentsView(EnvironmentService environments) {
        addClassName("plate-page");
        var list = environments.list();
        if (list.isEmpty()) {
            var empty = new Div(new H2("No environments"), new Paragraph("Environments are the stages a project "
                    + "is promoted through, each with its own Kubernetes destination. An administrator adds them."));
            empty.addClassName("plate-empty");
            add(empty);
            return;
        }
        var path = new Paragraph("Promotion path: " + list.stream().map(EnvironmentSummary::name)
                .collect(Collectors.joining(" → ")));
        path.addClassName("plate-muted");
        var grid = new Grid<EnvironmentSummary>();
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(env -> env.position() + 1).setHeader("#").setFlexGrow(0).setWidth("4em");
        grid.addColumn(EnvironmentSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(EnvironmentSummary::clusterServer).setHeader("Cluster").setAutoWidth(true);
        grid.addColumn(EnvironmentSummary::namespacePattern).setHeader("Namespace").setAutoWidth(true);
        grid.addComponentColumn(env -> badge(env.autoSync() ? "Automatic" : "Manual", env.autoSync()))
                .setHeader("Argo CD sync").setAutoWidth(true);
        grid.addComponentColumn(env -> badge(env.protectedEnvironment() ? "Maintainers only" : "Developers",
                !env.protectedEnvironment())).setHeader("Who deploys").setAutoWidth(true);
        grid.setItems(list);
        grid.setAllRowsVisible(true);
        add(path, grid);
    }

    private static Component badge(String text, boolean positive) {
        var badge = new Span(text);
        badge.addClassNames("plate-badge", positive ? "plate-badge-up" : "plate-badge-not_configured");
        return badge;
    }
}
