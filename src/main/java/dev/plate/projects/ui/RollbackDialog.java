package dev.plate.projects.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.plate.deployment.ChangePreview;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.RollbackRequest;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentRecord;
import java.util.List;
import java.util.Optional;

/**
 * Rolls back to a chosen earlier deployment (by default the last one that differs), showing what is restored.
 * The rollback is a new commit: history is never rewritten.
 */
class RollbackDialog extends PreviewedChangeDialog {

    private final Select<DeploymentRecord> target = new Select<>();
    private final transient DeploymentService deployments;
    private final transient dev.plate.approvals.DeploymentRequests requests;
    private final String project;
    private final String environment;

    RollbackDialog(DeploymentService deployments, dev.plate.approvals.DeploymentRequests requests, String project,
            EnvironmentSummary env, Runnable onDone) {
        super("Roll back " + project + " in " + env.name(), Asked.label(env, "Roll back", "Request rollback"), onDone,
                ButtonVariant.LUMO_ERROR);
        this.deployments = deployments;
        this.requests = requests;
        this.project = project;
        this.environment = env.name();
        List<DeploymentRecord> earlier = deployments.history(project, env.name()).stream().skip(1).limit(50).toList();
        target.setLabel("Restore the configuration of");
        target.setItems(earlier);
        target.setItemLabelGenerator(record -> record == null ? "The last deployment that differs" : "#" + record.id()
                + " · " + record.config().imageTag() + " · " + record.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " by " + record.requestedBy() + ", " + ProjectView.WHEN.format(record.requestedAt()));
        target.setWidthFull();
        target.setEmptySelectionAllowed(true);
        target.setEmptySelectionCaption("The last deployment that differs");
        target.addValueChangeListener(event -> refresh());
        var intro = new Paragraph(env.protectedEnvironment() ? env.name() + " is protected: what is restored "
                + "reaches it as soon as Argo CD syncs." : "A new commit restores the values of the deployment you "
                + "choose.");
        intro.addClassName(env.protectedEnvironment() ? "plate-warning" : "plate-muted");
        if (env.approvals().applies()) {
            add(Asked.warning(env));
        }
        add(intro, target, panel);
        refresh();
    }

    private RollbackRequest request() {
        return new RollbackRequest(project, environment, Optional.ofNullable(target.getValue())
                .map(DeploymentRecord::id));
    }

    @Override
    ChangePreview preview() {
        return deployments.preview(request());
    }

    @Override
    String commit() {
        return Asked.outcome(requests.submit(request()), () -> "Rolled back " + project + " in " + environment);
    }
}
