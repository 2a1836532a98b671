package dev.plate.projects.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import dev.plate.deployment.ChangePreview;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.PromoteRequest;
import dev.plate.environment.EnvironmentSummary;

/** Promotes to the next environment, showing first what changes there (and confirming a protected one). */
class PromoteDialog extends PreviewedChangeDialog {

    private final Checkbox withConfig = new Checkbox("Also copy the configuration (replicas, env, resources, …; "
            + "not the ingress)");
    private final transient DeploymentService deployments;
    private final transient dev.plate.approvals.DeploymentRequests requests;
    private final String project;
    private final EnvironmentSummary from;
    private final EnvironmentSummary to;

    PromoteDialog(DeploymentService deployments, dev.plate.approvals.DeploymentRequests requests, String project,
            EnvironmentSummary from, EnvironmentSummary to, Runnable onDone) {
        super("Promote " + project + " from " + from.name() + " to " + to.name(), Asked.label(to, "Promote to "
                + to.name(), "Request promotion to " + to.name()), onDone);
        this.deployments = deployments;
        this.requests = requests;
        this.project = project;
        this.from = from;
        this.to = to;
        var intro = new Paragraph(to.protectedEnvironment() ? to.name() + " is protected: this is the change it "
                + "gets as soon as Argo CD syncs." : "What " + to.name() + " gets:");
        intro.addClassName(to.protectedEnvironment() ? "plate-warning" : "plate-muted");
        withConfig.addValueChangeListener(event -> refresh());
        if (to.approvals().applies()) {
            add(Asked.warning(to));
        }
        add(intro, withConfig, panel);
        refresh();
    }

    private PromoteRequest request() {
        return new PromoteRequest(project, from.name(), to.name(), withConfig.getValue());
    }

    @Override
    ChangePreview preview() {
        return deployments.preview(request());
    }

    @Override
    String commit() {
        return Asked.outcome(requests.submit(request()), () -> "Promoted " + project + " from " + from.name() + " to "
                + to.name());
    }
}
