package dev.plate.projects.ui;

import dev.plate.approvals.ui.PreviewPanel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
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
import dev.plate.chart.ValueChanges;
import dev.plate.chart.ValueLines;
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
    /** Each single value's field, by its {@code --set} key: the form changes a configuration as the CLI does. */
    private final Map<String, HasValue<?, ?>> bound = new LinkedHashMap<>();
    /** Where a refusal is shown, by the field it names (a rule's, or a {@code set.<key>}). */
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final transient DeploymentService deployments;
    private final transient dev.plate.approvals.DeploymentRequests requests;
    private final String project;
    private final String environment;
    private AppConfig current;

    ConfigurationForm(DeploymentService deployments, dev.plate.approvals.DeploymentRequests requests, String project,
            String environment, boolean mayEdit, Runnable onSaved) {
        this.deployments = deployments;
        this.requests = requests;
        this.project = project;
        this.environment = environment;
        addClassName("plate-config-form");
        bind("replicas", replicas);
        bind("secretRefs", secretRefs);
        bind("resources.requests.cpu", cpuRequest);
        bind("resources.limits.cpu", cpuLimit);
        bind("resources.requests.memory", memoryRequest);
        bind("resources.limits.memory", memoryLimit);
        bind("ingress.enabled", ingressEnabled);
        bind("ingress.host", host);
        bind("ingress.tlsSecret", tlsSecret);
        bind("ingress.className", ingressClass);
        bind("probes.path", probePath);
        bind("probes.readiness", readiness);
        bind("probes.liveness", liveness);
        bind("autoscaling.enabled", autoscalingEnabled);
        bind("autoscaling.minReplicas", minReplicas);
        bind("autoscaling.maxReplicas", maxReplicas);
        bind("autoscaling.targetCPUPercent", targetCpu);
        List.of("env", "set.env", "unset.env").forEach(name -> fields.put(name, env));
        List.of("secretEnv", "set.secretEnv", "unset.secretEnv").forEach(name -> fields.put(name, secretEnv));
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
            bound.values().forEach(field -> field.setReadOnly(true));
            List.of(env, secretEnv).forEach(area -> area.setReadOnly(true));
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

    /** A single value's field: shown and changed by its key, and where refusals naming it appear. */
    private void bind(String key, HasValue<?, ?> field) {
        bound.put(key, field);
        if (field instanceof HasValidation validated) {
            fields.put(ValueChanges.fieldOf(key), validated);
            fields.put("set." + key, validated);
        }
    }

    private void load(AppConfig config) {
        current = config;
        bound.forEach((key, field) -> {
            String value = ValueChanges.valueOf(config, key);
            switch (field) {
                case IntegerField number -> number.setValue(Integer.valueOf(value));
                case Checkbox box -> box.setValue(Boolean.parseBoolean(value));
                case TextField text -> text.setValue(value);
                default -> throw new IllegalStateException("No way to show " + key);
            }
        });
        env.setValue(config.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        secretEnv.setValue(config.secretEnv().stream().map(ref -> ref.name() + "=" + ref.secretName() + "/" + ref.key())
                .collect(Collectors.joining("\n")));
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
            var edited = changes();
            var request = DeployRequest.changes(project, environment, Optional.empty(), edited.set(), edited.unset());
            // The form shows a whole configuration: refuse to save it over what someone deployed since it opened.
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
            var outcome = requests.submit(request);
            Notifications.success(Asked.outcome(outcome, () -> "Saved " + project + "'s configuration in "
                    + environment + " (commit " + outcome.deployment().get().toRevision().substring(0, 7) + ")"));
            preview.hide();
            // A request changes nothing yet: the form keeps showing what runs.
            outcome.deployment().ifPresent(saved -> load(saved.config()));
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

    /**
     * What the form changes, as {@code --set}/{@code --unset}: only the values that differ from the configuration it
     * opened with (a configuration with many variables changes one field without hitting the per-change limit).
     */
    private ValueLines.Changes changes() {
        var set = new LinkedHashMap<String, String>();
        var unset = new ArrayList<String>();
        bound.forEach((key, field) -> set.put(key, switch (field) {
            case IntegerField integer -> String.valueOf(number(integer, ValueChanges.fieldOf(key)));
            case Checkbox box -> String.valueOf(box.getValue());
            case TextField text -> text.getValue().strip();
            default -> throw new IllegalStateException("No way to read " + key);
        }));
        set.put("secretRefs", Arrays.stream(secretRefs.getValue().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", ")));
        if (!ingressEnabled.getValue()) {
            set.put("ingress.host", "");
        }
        set.keySet().removeIf(key -> set.get(key).equals(ValueChanges.valueOf(current, key)));
        var variables = pairs(env, "env");
        variables.forEach((name, value) -> {
            if (!value.equals(current.env().get(name))) {
                set.put("env." + name, value);
            }
        });
        current.env().keySet().stream().filter(name -> !variables.containsKey(name))
                .forEach(name -> unset.add("env." + name));
        var fromSecrets = secretRefsOf();
        var before = new LinkedHashMap<String, String>();
        current.secretEnv().forEach(ref -> before.put(ref.name(), ref.secretName() + ":" + ref.key()));
        fromSecrets.forEach((name, reference) -> {
            if (!reference.equals(before.get(name))) {
                set.put("secretEnv." + name, reference);
            }
        });
        before.keySet().stream().filter(name -> !fromSecrets.containsKey(name))
                .forEach(name -> unset.add("secretEnv." + name));
        return new ValueLines.Changes(set, unset);
    }

    private static int number(IntegerField field, String name) {
        if (field.getValue() == null) {
            throw new ValidationException(name, field.isInvalid() || !field.isEmpty() ? "Enter a whole number."
                    : field.getLabel() + " is required.");
        }
        return field.getValue();
    }

    private static Map<String, String> pairs(TextArea area, String name) {
        return ValueLines.pairs(area.getValue(), name);
    }

    /** {@code NAME=secret/key} lines, as {@code --set secretEnv.NAME=secret:key} takes them. */
    private Map<String, String> secretRefsOf() {
        var refs = new LinkedHashMap<String, String>();
        pairs(secretEnv, "secretEnv").forEach((name, reference) -> {
            int slash = reference.indexOf('/');
            if (slash <= 0 || slash == reference.length() - 1) {
                throw new ValidationException("secretEnv", name + ": write NAME=secret/key, e.g. DATABASE_URL=db/url.");
            }
            refs.put(name, reference.substring(0, slash).strip() + ":" + reference.substring(slash + 1).strip());
        });
        return refs;
    }
}
