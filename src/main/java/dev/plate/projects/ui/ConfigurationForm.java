package dev.plate.projects.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.Notifications;
import dev.plate.chart.AppConfig;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * One environment's settings as a form — replicas, env vars, secret references, resources, ingress, probes,
 * autoscaling — previewed as the commit's diff and saved as one commit. The service validates; its refusal
 * appears next to the field it names. Read-only for those who may not deploy here.
 */
class ConfigurationForm extends Div {

    private final IntegerField replicas = new IntegerField("Replicas");
    private final TextArea env = new TextArea("Environment variables");
    private final TextArea secretEnv = new TextArea("Variables from Secrets");
    private final TextField secretRefs = new TextField("Whole Secrets as variables");
    private final TextField cpuRequest = new TextField("CPU request");
    private final TextField cpuLimit = new TextField("CPU limit");
    private final TextField memoryRequest = new TextField("Memory request");
    private final TextField memoryLimit = new TextField("Memory limit");
    private final Checkbox ingressEnabled = new Checkbox("Expose through an Ingress");
    private final TextField host = new TextField("Host");
    private final TextField tlsSecret = new TextField("TLS Secret");
    private final TextField ingressClass = new TextField("Ingress class");
    private final TextField probePath = new TextField("Health check path");
    private final Checkbox readiness = new Checkbox("Readiness probe");
    private final Checkbox liveness = new Checkbox("Liveness probe");
    private final Checkbox autoscalingEnabled = new Checkbox("Autoscale on CPU");
    private final IntegerField minReplicas = new IntegerField("Min replicas");
    private final IntegerField maxReplicas = new IntegerField("Max replicas");
    private final IntegerField targetCpu = new IntegerField("Target CPU %");
    private final PreviewPanel preview = new PreviewPanel();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final transient DeploymentService deployments;
    private final String project;
    private final String environment;
    private AppConfig current;

    ConfigurationForm(DeploymentService deployments, String project, String environment, boolean mayEdit,
            Runnable onSaved) {
        this.deployments = deployments;
        this.project = project;
        this.environment = environment;
        addClassName("plate-config-form");
        fields.putAll(Map.ofEntries(Map.entry("replicas", replicas), Map.entry("env", env),
                Map.entry("secretEnv", secretEnv), Map.entry("secretRefs", secretRefs),
                Map.entry("resources.cpuRequest", cpuRequest), Map.entry("resources.cpuLimit", cpuLimit),
                Map.entry("resources.memoryRequest", memoryRequest), Map.entry("resources.memoryLimit", memoryLimit),
                Map.entry("ingress.host", host), Map.entry("ingress.tlsSecretName", tlsSecret),
                Map.entry("ingress.className", ingressClass), Map.entry("probes.path", probePath),
                Map.entry("autoscaling.minReplicas", minReplicas), Map.entry("autoscaling.maxReplicas", maxReplicas),
                Map.entry("autoscaling.targetCpuPercent", targetCpu)));
        env.setHelperText("NAME=value, one per line. Values are taken literally, {{ }} and all.");
        secretEnv.setHelperText("NAME=secret/key, one per line: the value comes from that key of that Secret.");
        secretRefs.setHelperText("Secret names, comma-separated: every key becomes a variable. Plate never writes "
                + "secret values to Git.");
        cpuRequest.setHelperText("e.g. 100m");
        memoryRequest.setHelperText("e.g. 128Mi");
        env.addClassName("plate-secret");
        secretEnv.addClassName("plate-secret");
        ingressEnabled.addValueChangeListener(event -> showIngress());
        autoscalingEnabled.addValueChangeListener(event -> showAutoscaling());
        add(section("Workload", replicas), section("Environment", env, secretEnv, secretRefs),
                section("Resources", cpuRequest, cpuLimit, memoryRequest, memoryLimit),
                section("Ingress", ingressEnabled, host, tlsSecret, ingressClass),
                section("Health checks", probePath, readiness, liveness),
                section("Autoscaling", autoscalingEnabled, minReplicas, maxReplicas, targetCpu));
        if (mayEdit) {
            var show = new Button("Preview", event -> attempt(false));
            var save = new Button("Save as one commit", event -> {
                if (attempt(true)) {
                    onSaved.run();
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var buttons = new Div(show, save);
            buttons.addClassName("plate-form-buttons");
            add(buttons, preview);
        } else {
            var note = new Paragraph("Read-only: your role may not deploy to " + environment + ".");
            note.addClassName("plate-muted");
            addComponentAsFirst(note);
            fields.values().forEach(field -> ((com.vaadin.flow.component.HasValue<?, ?>) field).setReadOnly(true));
            List.of(ingressEnabled, readiness, liveness, autoscalingEnabled).forEach(box -> box.setReadOnly(true));
        }
        load(deployments.currentConfig(project, environment));
    }

    private static Div section(String title, com.vaadin.flow.component.Component... components) {
        var fields = new Div(components);
        fields.addClassName("plate-config-fields");
        var section = new Div(new H4(title), fields);
        section.addClassName("plate-config-section");
        return section;
    }

    private void load(AppConfig config) {
        current = config;
        replicas.setValue(config.replicas());
        env.setValue(config.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        secretEnv.setValue(config.secretEnv().stream().map(ref -> ref.name() + "=" + ref.secretName() + "/" + ref.key())
                .collect(Collectors.joining("\n")));
        secretRefs.setValue(String.join(", ", config.secretRefs()));
        cpuRequest.setValue(config.resources().cpuRequest());
        cpuLimit.setValue(config.resources().cpuLimit());
        memoryRequest.setValue(config.resources().memoryRequest());
        memoryLimit.setValue(config.resources().memoryLimit());
        ingressEnabled.setValue(config.ingress().enabled());
        host.setValue(config.ingress().host());
        tlsSecret.setValue(config.ingress().tlsSecretName());
        ingressClass.setValue(config.ingress().className());
        probePath.setValue(config.probes().path());
        readiness.setValue(config.probes().readiness());
        liveness.setValue(config.probes().liveness());
        autoscalingEnabled.setValue(config.autoscaling().enabled());
        minReplicas.setValue(config.autoscaling().minReplicas());
        maxReplicas.setValue(config.autoscaling().maxReplicas());
        targetCpu.setValue(config.autoscaling().targetCpuPercent());
        showIngress();
        showAutoscaling();
    }

    private void showIngress() {
        List.of(host, tlsSecret, ingressClass).forEach(field -> field.setVisible(ingressEnabled.getValue()));
    }

    private void showAutoscaling() {
        List.of(minReplicas, maxReplicas, targetCpu).forEach(field -> field.setVisible(autoscalingEnabled.getValue()));
    }

    private boolean attempt(boolean commit) {
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            var request = new DeployRequest(project, environment, Optional.empty(), Optional.of(edited()));
            // The form sends a whole configuration: refuse to overwrite what someone deployed since it opened.
            var now = deployments.currentConfig(project, environment);
            if (!now.equals(current)) {
                Notifications.error(environment + " changed since this form opened (it runs " + now.imageTag()
                        + " now). The form shows the current configuration: make your change again.");
                load(now);
                preview.hide();
                return false;
            }
            if (!commit) {
                preview.show(deployments.preview(request));
                return false;
            }
            var saved = deployments.deploy(request);
            Notifications.success("Saved " + project + "'s configuration in " + environment + " (commit "
                    + saved.toRevision().substring(0, 7) + ")");
            preview.hide();
            load(saved.config());
            return true;
        } catch (ValidationException refusal) {
            preview.hide();
            showRefusal(refusal);
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
        } catch (AccessDeniedException e) {
            Notifications.error("You are not allowed to change " + environment + ".");
        }
        return false;
    }

    /** Next to the field named, or to the field whose name starts the refusal's (env.NAME → env). */
    private void showRefusal(ValidationException refusal) {
        String name = refusal.field();
        HasValidation field = fields.get(name);
        for (int dot = name.lastIndexOf('.'); field == null && dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            field = fields.get(name.substring(0, dot));
        }
        if (field == null || field instanceof com.vaadin.flow.component.Component shown && !shown.isVisible()) {
            Notifications.error(refusal.getMessage()); // no visible field to put it next to
            return;
        }
        field.setErrorMessage(refusal.getMessage());
        field.setInvalid(true);
    }

    private AppConfig edited() {
        return current.withSettings(number(replicas, "replicas"), pairs(env, "env"), secretRefsOf(),
                Arrays.stream(secretRefs.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                new AppConfig.Resources(cpuRequest.getValue().strip(), memoryRequest.getValue().strip(),
                        cpuLimit.getValue().strip(), memoryLimit.getValue().strip()),
                new AppConfig.Ingress(ingressEnabled.getValue(), ingressEnabled.getValue() ? host.getValue().strip() : "",
                        tlsSecret.getValue().strip(), ingressClass.getValue().strip()),
                new AppConfig.Probes(probePath.getValue().strip(), readiness.getValue(), liveness.getValue()),
                new AppConfig.Autoscaling(autoscalingEnabled.getValue(), number(minReplicas, "autoscaling.minReplicas"),
                        number(maxReplicas, "autoscaling.maxReplicas"), number(targetCpu, "autoscaling.targetCpuPercent")));
    }

    private static int number(IntegerField field, String name) {
        if (field.getValue() == null) {
            throw new ValidationException(name, field.isInvalid() || !field.isEmpty() ? "Enter a whole number."
                    : field.getLabel() + " is required.");
        }
        return field.getValue();
    }

    private static Map<String, String> pairs(TextArea area, String name) {
        return dev.plate.chart.ValueLines.pairs(area.getValue(), name);
    }

    private List<AppConfig.SecretKeyRef> secretRefsOf() {
        var refs = new ArrayList<AppConfig.SecretKeyRef>();
        pairs(secretEnv, "secretEnv").forEach((name, reference) -> {
            int slash = reference.indexOf('/');
            if (slash <= 0 || slash == reference.length() - 1) {
                throw new ValidationException("secretEnv", name + ": write NAME=secret/key, e.g. DATABASE_URL=db/url.");
            }
            refs.add(new AppConfig.SecretKeyRef(name, reference.substring(0, slash).strip(),
                    reference.substring(slash + 1).strip()));
        });
        return refs;
    }
}
