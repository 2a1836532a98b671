package dev.plate.environment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The promotion path (dev → staging → prod) and where each environment deploys to. */
@Route("environments")
@PageTitle("Environments")
@Menu(order = 2, title = "Environments", icon = "vaadin:server")
@PermitAll
class EnvironmentsView extends Div {

    EnvironmentsView() {
        addClassName("plate-page");
        var empty = new Div(new H2("No environments yet"),
                new Paragraph("Environments are the stages a project is promoted through, each with its own "
                        + "Kubernetes destination. None is defined yet."));
        empty.addClassName("plate-empty");
        add(empty);
    }
}
