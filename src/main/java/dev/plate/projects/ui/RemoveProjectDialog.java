package dev.plate.projects.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.DeploymentService;

/** Removing a project needs its name typed: it takes its chart and every environment's files with it. */
class RemoveProjectDialog extends Dialog {

    RemoveProjectDialog(DeploymentService deployments, String project, Runnable onRemoved) {
        setHeaderTitle("Remove " + project);
        var confirmation = new TextField("Type " + project + " to confirm");
        confirmation.setWidthFull();
        add(new Paragraph("This commits the removal of " + project + "'s chart and its configuration in every "
                + "environment. The audit trail keeps what happened."), confirmation);
        var remove = new Button("Remove", event -> {
            try {
                deployments.deleteProject(project, confirmation.getValue().strip());
                Notifications.success("Removed " + project);
                close();
                onRemoved.run();
            } catch (ValidationException e) {
                confirmation.setErrorMessage(e.getMessage());
                confirmation.setInvalid(true);
            }
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), remove);
    }
}
