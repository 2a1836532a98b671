package dev.plate.projects.ui;

import dev.plate.approvals.ui.PreviewPanel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.environment.EnvironmentSummary;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Deploys to one environment: a new image tag and/or value changes (the keys of {@code plate deploy --set}),
 * with a preview of exactly what the commit will change. A refusal is shown next to the field it concerns.
 */
class DeployDialog extends Dialog {

    private final TextField tag = new TextField("Image tag");
    private final TextArea values = new TextArea("Value changes");
    private final PreviewPanel preview = new PreviewPanel();
    private final transient DeploymentService deployments;
    private final transient dev.plate.approvals.DeploymentRequests requests;
    private final String project;
    private final String environment;

    DeployDialog(DeploymentService deployments, dev.plate.approvals.DeploymentRequests requests, String project,
            EnvironmentSummary env, Runnable onDone) {
        this.deployments = deployments;
        this.requests = requests;
        this.project = project;
        this.environment = env.name();
        setHeaderTitle("Deploy " + project + " to " + env.name());
        setWidth("min(100%, 46rem)");
        String current = deployments.currentConfig(project, env.name()).imageTag();
        tag.setWidthFull();
        tag.setId("deploy-tag");
        values.setId("deploy-values");
        // No placeholder: the current tag greyed in the field read as a value already typed.
        tag.setHelperText("Now " + current + ". Leave empty to keep it and change only values.");
        values.setWidthFull();
        values.setHelperText("One per line, e.g. replicas=3 or env.LOG_LEVEL=debug: key=value sets a value (taken "
                + "literally), -key (e.g. -resources.limits.cpu) resets it. Keys as in "
                + "plate deploy --set: replicas, env.NAME, secretEnv.NAME, resources.limits.cpu, ingress.host, "
                + "autoscaling.enabled, …");
        values.addClassName("plate-secret");
        if (env.approvals().applies()) {
            add(Asked.warning(env));
        } else if (env.protectedEnvironment()) {
            var warning = new Paragraph(env.name() + " is protected: only maintainers deploy here, and the change "
                    + "reaches it as soon as Argo CD syncs.");
            warning.addClassName("plate-warning");
            add(warning);
        }
        add(tag, values, preview);
        var show = new Button("Preview", event -> attempt(false));
        var deploy = new Button(Asked.label(env, "Deploy to " + env.name(), "Request deployment to " + env.name()),
                event -> {
            if (attempt(true)) {
                onDone.run();
                close();
            }
        });
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), show, deploy);
    }

    /** Previews, or deploys; false when refused (the reason is on screen). */
    private boolean attempt(boolean commit) {
        tag.setInvalid(false);
        values.setInvalid(false);
        try {
            var request = request();
            if (!commit) {
                preview.show(deployments.preview(request));
                return false;
            }
            var outcome = requests.submit(request);
            Notifications.success(Asked.outcome(outcome, () -> "Deployed " + outcome.deployment().get().imageTag()
                    + " to " + environment + " (commit " + outcome.deployment().get().toRevision().substring(0, 7)
                    + ")"));
            return true;
        } catch (ValidationException e) {
            var field = "imageTag".equals(e.field()) || "tag".equals(e.field()) ? tag : values;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            preview.hide();
        } catch (NotFoundException | AccessDeniedException e) {
            Notifications.error(e.getMessage());
        }
        return false;
    }

    private DeployRequest request() {
        var changes = dev.plate.chart.ValueLines.changes(values.getValue(), "values");
        String image = tag.getValue() == null ? "" : tag.getValue().strip();
        return DeployRequest.changes(project, environment, image.isEmpty() ? Optional.empty() : Optional.of(image),
                changes.set(), changes.unset());
    }
}
