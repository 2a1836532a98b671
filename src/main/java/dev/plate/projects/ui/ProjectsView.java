package dev.plate.projects.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.argocd.StatusFilter;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentActivity;
import dev.plate.project.ProjectService;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.security.Role;
import dev.plate.teams.TeamAccess;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projects Plate deploys, in a lazy grid: only the rows on screen are read (a page of projects, their newest
 * deployments in one query, Argo CD's state from memory), so thousands of projects open as fast as ten. Each
 * environment's column says what runs there (tag, state, age); search by name or owner, filter by what Argo CD
 * reports, sort by name or by an environment's last change.
 */
@Route("projects")
@PageTitle("Projects")
@Menu(order = 1, title = "Projects", icon = "vaadin:cubes")
@PermitAll
class ProjectsView extends Div {

    private final TextField search = new TextField();
    private final Select<StatusFilter> status = new Select<>();
    private final Grid<ProjectRows.Row> grid = new Grid<>();
    private final Paragraph found = new Paragraph();
    private final transient ProjectRows rows;

    ProjectsView(ProjectService projects, DeploymentActivity activity, EnvironmentService environments,
            ApplicationStatuses statuses, TeamAccess access, Clock clock) {
        addClassName("plate-page");
        List<EnvironmentSummary> order = environments.list();
        this.rows = new ProjectRows(projects, activity, statuses, order, clock);
        var toolbar = new Div();
        toolbar.addClassName("plate-toolbar");
        if (access.may(Optional.empty(), Role.DEVELOPER) || !access.teamsWhere(Role.DEVELOPER).isEmpty()) {
            var importButton = new Button("Import project", new Icon("vaadin", "plus"),
                    event -> getUI().ifPresent(ui -> ui.navigate("projects/import")));
            importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(importButton);
        }
        if (projects.count("") == 0) {
            add(toolbar, emptyState());
            return;
        }
        search.setPlaceholder("Search by name or owner");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setAriaLabel("Search projects");
        search.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        status.setItems(StatusFilter.values());
        status.setItemLabelGenerator(StatusFilter::label);
        status.setValue(StatusFilter.ANY);
        status.setAriaLabel("Filter by status");
        status.setVisible(statuses.connection().state() != ApplicationStatuses.Connection.State.NOT_CONFIGURED);
        status.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        var filters = new Div(search, status);
        filters.addClassName("plate-filters");
        toolbar.addComponentAsFirst(filters);
        found.addClassName("plate-muted");
        add(toolbar, found, grid());
    }

    private Grid<ProjectRows.Row> grid() {
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<ProjectRows.Row>of("<div class=\"plate-cell\"><strong>${item.name}</strong>"
                        + "<span class=\"plate-cell-line\">${item.image}</span></div>")
                        .withProperty("name", row -> row.project().name())
                        .withProperty("image", row -> row.project().imageRepository()))
                .setHeader("Project").setKey("name").setWidth("14em").setFlexGrow(2).setSortable(true);
        for (var env : rows.environments()) {
            // A template rendered in the browser: cheaper per row than a server-side component.
            grid.addColumn(LitRenderer.<ProjectRows.Row>of("<div class=\"plate-cell\" title=\"${item.title}\">"
                            + "<span class=\"plate-cell-tag\">${item.tag}</span>"
                            + "<span class=\"plate-badge plate-badge-${item.tone}\">${item.label}</span>"
                            + "<span class=\"plate-cell-line\">${item.age}</span></div>")
                    .withProperty("tag", row -> row.badge(env.name()).tag())
                    .withProperty("label", row -> row.badge(env.name()).label())
                    .withProperty("tone", row -> row.badge(env.name()).tone())
                    .withProperty("title", row -> row.badge(env.name()).detail())
                    .withProperty("age", row -> row.badge(env.name()).age()))
                    .setHeader(env.name()).setKey("env-" + env.name()).setWidth("9em").setFlexGrow(1)
                    .setSortable(true);
        }
        grid.addColumn(row -> row.project().team().orElse("")).setHeader("Team").setKey("team").setWidth("7em")
                .setFlexGrow(0);
        grid.addColumn(row -> String.join(", ", row.project().owners())).setHeader("Owners").setKey("owners")
                .setWidth("8em").setFlexGrow(1);
        NarrowScreens.stackRows(grid, this::card);
        grid.setItems(DataProvider.fromCallbacks(
                query -> rows.page(search.getValue(), status.getValue(), order(query.getSortOrders()),
                        query.getOffset(), query.getLimit()).stream(),
                query -> {
                    int count = rows.count(search.getValue(), status.getValue());
                    found.setText(count == 1 ? "1 project" : count + " projects");
                    return count;
                }));
        grid.setPageSize(50);
        // A lazy grid needs a height of its own (all rows visible would load them all).
        grid.addClassName("plate-projects-grid");
        // By path: bookmarkable, and the same address the project page has everywhere.
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate("projects/"
                + event.getItem().project().name())));
        grid.setEmptyStateText("No project matches. Clear the search or the status filter.");
        return grid;
    }

    /**
     * The grid's sort as the rows' order. An environment's column sorts by its last change, the newest first on
     * the first click (what people look for), the oldest first on the second.
     */
    private static ProjectRows.Order order(List<QuerySortOrder> sorts) {
        if (sorts.isEmpty()) {
            return ProjectRows.Order.BY_NAME;
        }
        var sort = sorts.getFirst();
        boolean descending = sort.getDirection() == SortDirection.DESCENDING;
        return sort.getSorted().startsWith("env-")
                ? new ProjectRows.Order(false, sort.getSorted().substring("env-".length()), descending)
                : new ProjectRows.Order(true, null, descending);
    }

    /** A project on a phone: its name and image, then one line per environment. */
    private Div card(ProjectRows.Row row) {
        var parts = new ArrayList<Object>();
        parts.add(row.project().imageRepository());
        for (var env : rows.environments()) {
            var badge = row.badge(env.name());
            var status = new Span(badge.label());
            status.addClassNames("plate-badge", "plate-badge-" + badge.tone());
            var line = new Div(new Span(env.name() + " " + badge.tag()), status, new Span(badge.age()));
            line.addClassName("plate-stacked-environment");
            parts.add(line);
        }
        return NarrowScreens.card(row.project().name(), parts.toArray());
    }

    private static Div emptyState() {
        var empty = new Div(new H2("No projects yet"),
                new Paragraph("Import a project: Plate then generates its Helm chart and values for every "
                        + "environment and commits them to the config repository. From a terminal: plate import ."));
        empty.addClassName("plate-empty");
        return empty;
    }
}
