package dev.plate.project.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Projects Plate deploys. Until the first import, it tells the newcomer where things stand. */
@Route("projects")
@PageTitle("Projects")
@Menu(order = 1, title = "Projects", icon = "vaadin:cubes")
@PermitAll
class ProjectsView extends Div {

    ProjectsView() {
        addClassName("plate-page");
        var empty = new Div(new H2("No projects yet"),
                new Paragraph("Plate does not deploy any project yet. Projects, their Helm charts and their "
                        + "environments will be listed here once they are imported."));
        empty.addClassName("plate-empty");
        add(empty);
    }
}
