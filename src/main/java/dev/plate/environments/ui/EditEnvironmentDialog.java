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
import dev.plate.environment.EnvironmentSettings;
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
    private final Paragraph warning = new Paragraph();
    private final Map<String, HasValidation> fields = Map.of("clusterServer", cluster, "namespacePattern", namespace);

    EditEnvironmentDialog(EnvironmentAdministration administration, EnvironmentSummary env, Runnable onSaved) {
        setHeaderTitle("Change " + env.name());
        cluster.setValue(env.clusterServer());
        cluster.setHelperText("API server address, or a cluster's name in Argo CD");
        namespace.setValue(env.namespacePattern());
        namespace.setHelperText("{project} and {env} are replaced");
        autoSync.setValue(env.autoSync());
        protectedEnv.setValue(env.protectedEnvironment());
        warning.addClassName("plate-warning");
        warning.setVisible(false);
        cluster.addValueChangeListener(event -> warn(env));
        namespace.addValueChangeListener(event -> warn(env));
        var form = new FormLayout(cluster, namespace, autoSync, protectedEnv);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form, warning);
        var save = new Button("Save", event -> {
            FieldErrors.clear(fields);
            try {
                administration.update(env.name(), new EnvironmentSettings(cluster.getValue().strip(),
                        namespace.getValue().strip(), autoSync.getValue(), protectedEnv.getValue()));
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

    private void warn(EnvironmentSummary env) {
        boolean moves = !cluster.getValue().strip().equals(env.clusterServer())
                || !namespace.getValue().strip().equals(env.namespacePattern());
        warning.setText("Every project's Application in " + env.name() + " gets the new destination and Argo CD "
                + "deploys there. What already runs at the old destination stays there until you remove it.");
        warning.setVisible(moves);
    }
}
