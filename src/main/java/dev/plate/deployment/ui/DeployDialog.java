package dev.plate.deployment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import org.springframework.security.access.AccessDeniedException;

/** Deploys a new image tag to one environment; a refusal is shown next to the field. */
class DeployDialog extends Dialog {

    private final TextField tag = new TextField("Image tag");

    DeployDialog(DeploymentService deployments, String project, String environment, Runnable onDone) {
        setHeaderTitle("Deploy " + project + " to " + environment);
        tag.setWidthFull();
        tag.setHelperText("e.g. 1.4.2");
        add(tag);
        var deploy = new Button("Deploy", event -> {
            try {
                var result = deployments.deploy(DeployRequest.image(project, environment, tag.getValue().strip()));
                Notifications.success("Deployed " + result.imageTag() + " to " + environment + " (commit "
                        + result.toRevision().substring(0, 7) + ")");
                onDone.run();
                close();
            } catch (ValidationException e) {
                tag.setErrorMessage(e.getMessage());
                tag.setInvalid(true);
            } catch (NotFoundException | AccessDeniedException e) {
                Notifications.error(e.getMessage());
            }
        });
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), deploy);
    }
}
