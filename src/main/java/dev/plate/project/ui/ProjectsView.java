package dev.plate.project.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import jakarta.annotation.security.PermitAll;

/** The projects Plate deploys. */
@Route("projects")
@PageTitle("Projects")
@Menu(order = 1, title = "Projects", icon = "vaadin:cubes")
@PermitAll
class ProjectsView extends Div {

    ProjectsView(ProjectService projects) {
        addClassName("plate-page");
        var list = projects.list();
        if (list.isEmpty()) {
            var empty = new Div(new H2("No projects yet"),
                    new Paragraph("Projects appear here once they are imported: Plate then generates their Helm "
                            + "chart and values for every environment and commits them to the config repository."));
            empty.addClassName("plate-empty");
            add(empty);
            return;
        }
        var grid = new Grid<ProjectSummary>();
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ProjectSummary::name).setHeader("Project").setSortable(true).setAutoWidth(true);
        grid.addColumn(ProjectSummary::imageRepository).setHeader("Image").setAutoWidth(true);
        grid.addColumn(project -> String.join(", ", project.owners())).setHeader("Owners").setAutoWidth(true);
        grid.addColumn(ProjectSummary::createdBy).setHeader("Imported by").setAutoWidth(true);
        grid.setItems(list);
        add(grid);
    }
}
