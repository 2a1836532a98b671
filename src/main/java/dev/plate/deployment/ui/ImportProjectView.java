package dev.plate.deployment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.project.NewProject;
import dev.plate.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Map;

/** Import a project: Plate generates its chart and values for every environment and commits them. */
@Route("projects/import")
@PageTitle("Import project")
@RolesAllowed(Roles.DEVELOPER)
class ImportProjectView extends Div {

    private final TextField name = new TextField("Name");
    private final TextField image = new TextField("Image repository");
    private final TextField tag = new TextField("Initial image tag");
    private final IntegerField port = new IntegerField("Container port");
    private final TextField health = new TextField("Health check path");
    private final TextField source = new TextField("Source repository URL");
    private final TextField owners = new TextField("Owners");
    private final Map<String, HasValidation> fields = Map.of("name", name, "imageRepository", image,
            "initialImageTag", tag, "containerPort", port, "healthPath", health, "sourceRepoUrl", source, "owners", owners);

    ImportProjectView(DeploymentService deployments) {
        addClassName("plate-page");
        name.setId("import-name");
        image.setId("import-image");
        tag.setId("import-tag");
        name.setHelperText("Lowercase letters, digits and '-', e.g. web-app");
        image.setHelperText("Without tag, e.g. ghcr.io/acme/web-app");
        tag.setValue("latest");
        port.setValue(8080);
        health.setValue("/");
        source.setHelperText("Optional: https://…, ssh://… or git@host:org/repo");
        owners.setHelperText("Optional: user or team names, separated by commas");
        var form = new FormLayout(name, image, tag, port, health, source, owners);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setMaxWidth("48rem");
        var submit = new Button("Import", event -> submit(deployments));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var intro = new Paragraph("Plate generates a Helm chart and values for every environment and commits them "
                + "to the config repository in one commit.");
        intro.addClassName("plate-muted");
        add(intro, form, submit);
    }

    private void submit(DeploymentService deployments) {
        FieldErrors.clear(fields);
        var project = new NewProject(name.getValue().strip(), source.getValue(), image.getValue().strip(),
                port.getValue() == null ? 0 : port.getValue(), health.getValue().strip(),
                Arrays.stream(owners.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        try {
            var result = deployments.importProject(new ImportRequest(project, tag.getValue().strip()));
            Notifications.success("Imported " + result.project().name() + " into " + String.join(", ",
                    result.environments()) + " (commit " + result.commit().substring(0, 7) + ")");
            getUI().ifPresent(ui -> ui.navigate("projects/" + result.project().name()));
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        }
    }
}
