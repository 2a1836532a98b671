package dev.plate.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.ui.FieldErrors;
import dev.plate.cluster.ClusterAdministration;
import dev.plate.cluster.ClusterConnection;
import dev.plate.cluster.ClusterConnection.Mode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Admin → Integrations, the cluster where Argo CD runs. The kubeconfig is write-only: once saved it is stored
 * encrypted and never shown again; leaving the box empty keeps it.
 */
class ClusterSection extends Div {

    private final ClusterAdministration cluster;
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("How Plate reaches Argo CD");
    private final TextArea kubeconfig = new TextArea("Kubeconfig");
    private final TextField namespace = new TextField("Argo CD namespace");
    private final Paragraph source = new Paragraph();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = Map.of("mode", mode, "kubeconfig", kubeconfig,
            "namespace", namespace);

    ClusterSection(ClusterAdministration cluster) {
        this.cluster = cluster;
        addClassName("plate-section");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(ClusterSection::describe);
        mode.addValueChangeListener(event -> kubeconfig.setVisible(event.getValue() == Mode.KUBECONFIG));
        kubeconfig.setId("argocd-kubeconfig");
        kubeconfig.setWidthFull();
        kubeconfig.setMaxHeight("16em");
        kubeconfig.addClassName("plate-secret");
        namespace.setId("argocd-namespace");
        var test = new Button("Test connection", event -> run(cluster::test, false));
        var save = new Button("Save", event -> run(cluster::save, true));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        test.setId("argocd-test");
        save.setId("argocd-save");
        var buttons = new Div(test, save);
        buttons.addClassName("plate-form-buttons");
        source.addClassName("plate-muted");
        result.getElement().setAttribute("data-result", "argocd");
        var intro = new Paragraph("Plate creates Argo CD's Applications through the Kubernetes API of the cluster "
                + "Argo CD runs in. Its account needs get, list, watch, create, patch and delete on applications and "
                + "appprojects (argoproj.io) in Argo CD's namespace.");
        intro.addClassName("plate-muted");
        var form = new Div(mode, kubeconfig, namespace, buttons, result);
        form.addClassName("plate-form");
        add(new H2("Kubernetes / Argo CD"), intro, source, form);
        show(cluster.current());
    }

    private void show(ClusterConnection.Current current) {
        mode.setValue(current.mode());
        namespace.setValue(current.namespace());
        kubeconfig.clear();
        kubeconfig.setPlaceholder(current.kubeconfigSaved()
                ? "A kubeconfig is saved (encrypted, not shown). Paste a new one to replace it."
                : "Paste the kubeconfig of the cluster where Argo CD runs.");
        kubeconfig.setVisible(current.mode() == Mode.KUBECONFIG);
        source.setText(switch (current.source()) {
            case "saved" -> "In use: the connection saved here.";
            case "environment" -> "In use: the connection from the environment (PLATE_ARGOCD_*). Saving here replaces it.";
            default -> "In use: none. Deployments are committed to Git; nothing deploys them yet.";
        });
    }

    private void run(Function<ClusterConnection, ComponentStatus> action, boolean saves) {
        FieldErrors.clear(fields);
        var request = new ClusterConnection(mode.getValue(), Optional.ofNullable(kubeconfig.getValue())
                .filter(text -> !text.isBlank()), namespace.getValue());
        try {
            showResult(action.apply(request));
            if (saves) {
                show(cluster.current());
            }
        } catch (ValidationException refusal) {
            FieldErrors.show(refusal, fields);
        }
    }

    private void showResult(ComponentStatus status) {
        StatusLine.show(result, status);
    }

    private static String describe(Mode mode) {
        return switch (mode) {
            case NONE -> "Not connected (commit to Git only)";
            case KUBECONFIG -> "Kubeconfig";
            case IN_CLUSTER -> "Service account of the pod Plate runs in";
        };
    }
}
