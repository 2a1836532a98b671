package dev.plate.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import dev.plate.security.Roles;
import jakarta.annotation.security.PermitAll;

/** The projects Plate deploys. */
@Route("projects")
@PageTitle("Projects")
@Menu(order = 1, title = "Projects", icon = "vaadin:cubes")
@PermitAll
class ProjectsView extends Div {

    private final transient AuthenticationContext authentication;

    ProjectsView(ProjectService projects, AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("plate-page");
        var list = projects.list();
        if (authentication.hasRole(Roles.DEVELOPER)) {
            var importButton = new Button("Import project", new Icon("vaadin", "plus"),
                    event -> getUI().ifPresent(ui -> ui.navigate("projects/import")));
            importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var toolbar = new Div(importButton);
            toolbar.addClassName("plate-toolbar");
            add(toolbar);
        }
        if (list.isEmpty()) {
            var empty = new Div(new H2("No projects yet"),
                    new Paragraph("Import a project: Plate then generates its Helm chart and values for every "
                            + "environment and commits them to the config repository."));
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
        // By path, not class: the project page belongs to the deployment module.
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate("projects/" + event.getItem().name())));
        add(grid);
    }
}
