package dev.plate.environments.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.environment.ApprovalPolicy;
import dev.plate.environment.EnvironmentSettings;
import dev.plate.security.Role;
import dev.plate.environment.EnvironmentSummary;
import java.util.Map;

/**
 * Changes an environment's destination, sync and protection: one commit, and Argo CD's Applications follow. A
 * new destination is said out loud: Argo CD deploys there, and what runs at the old one stays until removed.
 */
class EditEnvironmentDialog extends Dialog {

    private final TextField cluster = new TextField("Cluster");
    private final TextField namespace = new TextField("Namespace pattern");
    private final Checkbox autoSync = new Checkbox("Argo CD syncs automatically");
    private final Checkbox protectedEnv = new Checkbox("Only maintainers deploy here");
    private final com.vaadin.flow.component.textfield.IntegerField approvals = new com.vaadin.flow.component.textfield
            .IntegerField("Approvals before a change is committed");
    private final com.vaadin.flow.component.select.Select<Role> approverRole = new com.vaadin.flow.component.select
            .Select<>();
    private final Checkbox teamOnly = new Checkbox("Only roles in the project's team count");
    private final Checkbox requesterApproves = new Checkbox("The requester may approve their own change");
    private final com.vaadin.flow.component.textfield.IntegerField expiryHours = new com.vaadin.flow.component
            .textfield.IntegerField("A request expires after (hours)");
    private final Paragraph warning = new Paragraph();
    private final ApprovalPolicy before;
    private final Map<String, HasValidation> fields = Map.of("clusterServer", cluster, "namespacePattern", namespace,
            "approvals.required", approvals, "approvals.approverRole", approverRole, "approvals.expiry", expiryHours);

    EditEnvironmentDialog(EnvironmentAdministration administration, EnvironmentSummary env, Runnable onSaved) {
        setHeaderTitle("Change " + env.name());
        this.before = env.approvals();
        cluster.setValue(env.clusterServer());
        cluster.setHelperText("API server address, or a cluster's name in Argo CD");
        namespace.setValue(env.namespacePattern());
        namespace.setHelperText("{project} and {env} are replaced");
        autoSync.setValue(env.autoSync());
        protectedEnv.setValue(env.protectedEnvironment());
        approvals.setId("env-approvals");
        approvals.setHelperText("0: none, changes are committed at once");
        approvals.setStepButtonsVisible(true);
        approvals.setValue(env.approvals().required());
        approverRole.setId("env-approver-role");
        approverRole.setLabel("Who approves");
        approverRole.setItems(Role.DEVELOPER, Role.MAINTAINER, Role.ADMIN);
        approverRole.setItemLabelGenerator(role -> "A " + role.name() + " of the project");
        approverRole.setValue(env.approvals().approverRole());
        teamOnly.setId("env-approvers-team-only");
        teamOnly.setValue(env.approvals().teamOnly());
        requesterApproves.setId("env-requester-approves");
        requesterApproves.setValue(env.approvals().requesterMayApprove());
        expiryHours.setId("env-approval-expiry");
        expiryHours.setValue((int) Math.max(1, env.approvals().expiry().toHours()));
        warning.addClassName("plate-warning");
        warning.setVisible(false);
        cluster.addValueChangeListener(event -> warn(env));
        namespace.addValueChangeListener(event -> warn(env));
        var form = new FormLayout(cluster, namespace, autoSync, protectedEnv, approvals, approverRole, teamOnly,
                requesterApproves, expiryHours);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form, warning);
        var save = new Button("Save", event -> {
            FieldErrors.clear(fields);
            try {
                administration.update(env.name(), new EnvironmentSettings(cluster.getValue().strip(),
                        namespace.getValue().strip(), autoSync.getValue(), protectedEnv.getValue(), policy()));
                Notifications.success("Changed " + env.name() + "; its Applications follow");
                close();
                onSaved.run();
            } catch (ValidationException e) {
                FieldErrors.show(e, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), save);
    }

    /** An empty or unreadable number is refused at its field, not read as 0. */
    private ApprovalPolicy policy() {
        if (approvals.getValue() == null) {
            throw new ValidationException("approvals.required", "Enter how many approvals a change needs (0: none).");
        }
        if (expiryHours.getValue() == null) {
            throw new ValidationException("approvals.expiry", "Enter after how many hours a request expires.");
        }
        // Shown in whole hours: an expiry set in minutes (through the API) stays as it is unless the hours change.
        var expiry = expiryHours.getValue() == (int) Math.max(1, before.expiry().toHours()) ? before.expiry()
                : java.time.Duration.ofHours(expiryHours.getValue());
        return new ApprovalPolicy(approvals.getValue(), java.util.Objects.requireNonNullElse(approverRole.getValue(),
                Role.MAINTAINER), teamOnly.getValue(), requesterApproves.getValue(), expiry);
    }

    private void warn(EnvironmentSummary env) {
        boolean moves = !cluster.getValue().strip().equals(env.clusterServer())
                || !namespace.getValue().strip().equals(env.namespacePattern());
        warning.setText("Every project's Application in " + env.name() + " gets the new destination and Argo CD "
                + "deploys there. What already runs at the old destination stays there until you remove it.");
        warning.setVisible(moves);
    }
}
