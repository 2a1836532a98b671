package dev.plate.environments.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.environment.NewEnvironment;
import java.util.List;
import java.util.Map;

/** Adds an environment at a place in the promotion path; every project gets configured for it in one commit. */
class AddEnvironmentDialog extends Dialog {

    private static final String FIRST = "(first)";

    private final TextField name = new TextField("Name");
    private final Select<String> after = new Select<>();
    private final TextField cluster = new TextField("Cluster");
    private final TextField namespace = new TextField("Namespace pattern");
    private final Checkbox autoSync = new Checkbox("Argo CD syncs automatically", true);
    private final Checkbox protectedEnv = new Checkbox("Only maintainers deploy here", false);
    private final Map<String, HasValidation> fields = Map.of("name", name, "clusterServer", cluster,
            "namespacePattern", namespace);

    AddEnvironmentDialog(EnvironmentAdministration administration, List<EnvironmentSummary> existing,
            Runnable onAdded) {
        setHeaderTitle("Add environment");
        after.setLabel("Comes after");
        var options = new java.util.ArrayList<String>();
        options.add(FIRST);
        existing.forEach(env -> options.add(env.name()));
        after.setItems(options);
        after.setValue(existing.isEmpty() ? FIRST : existing.getLast().name());
        cluster.setValue("https://kubernetes.default.svc");
        cluster.setHelperText("API server address, or a cluster's name in Argo CD");
        namespace.setValue("{project}-{env}");
        namespace.setHelperText("{project} and {env} are replaced");
        var form = new FormLayout(name, after, cluster, namespace, autoSync, protectedEnv);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form);
        var addButton = new Button("Add", event -> add(administration, onAdded));
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", event -> close()), addButton);
    }

    private void add(EnvironmentAdministration administration, Runnable onAdded) {
        FieldErrors.clear(fields);
        try {
            var env = administration.add(new NewEnvironment(name.getValue().strip(),
                    FIRST.equals(after.getValue()) ? "" : after.getValue(), cluster.getValue().strip(),
                    namespace.getValue().strip(), autoSync.getValue(), protectedEnv.getValue()));
            Notifications.success("Added " + env.name() + " and configured every project for it");
            close();
            onAdded.run();
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        }
    }
}
