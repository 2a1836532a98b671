package dev.plate.projects.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.chart.KubernetesNames;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ImportRequest;
import dev.plate.deployment.ImportResult;
import dev.plate.deployment.ProjectFiles;
import dev.plate.project.NewProject;
import dev.plate.project.ProjectService;
import dev.plate.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Import a project: a form checked as it is filled in (by the same rules the import applies), then what Plate
 * did, step by step — the chart, the commit to the config repository, the Argo CD Applications.
 */
@Route("projects/import")
@PageTitle("Import project")
@RolesAllowed(Roles.VIEWER)
class ImportProjectView extends Div implements com.vaadin.flow.router.BeforeEnterObserver {

    /** Whether this person may import anywhere: as a developer in a team, or across Plate. */
    private boolean mayImport;

    private final TextField name = new TextField("Name");
    private final TextField image = new TextField("Image repository");
    private final TextField tag = new TextField("Initial image tag");
    private final IntegerField port = new IntegerField("Container port");
    private final TextField health = new TextField("Health check path");
    private final TextField source = new TextField("Source repository URL");
    private final TextField owners = new TextField("Owners");
    private final com.vaadin.flow.component.select.Select<String> team = new com.vaadin.flow.component.select.Select<>();
    private static final String NO_TEAM = "";
    private final Map<String, HasValidation> fields = Map.of("name", name, "imageRepository", image,
            "initialImageTag", tag, "containerPort", port, "healthPath", health, "sourceRepoUrl", source, "owners", owners,
            "team", team);
    /** Fields the person has changed: a rule is shown only once its field has been touched. */
    private final Set<String> touched = new HashSet<>();
    private final transient DeploymentService deployments;
    private final transient ProjectService projects;
    private final transient ProjectFiles files;
    private final transient ApplicationStatuses statuses;

    ImportProjectView(DeploymentService deployments, ProjectService projects, ProjectFiles files,
            ApplicationStatuses statuses, dev.plate.environment.EnvironmentService environments,
            dev.plate.teams.TeamAccess access) {
        this.deployments = deployments;
        this.projects = projects;
        this.files = files;
        this.statuses = statuses;
        addClassName("plate-page");
        name.setId("import-name");
        image.setId("import-image");
        tag.setId("import-tag");
        name.setHelperText("Lowercase letters, digits and '-', e.g. web-app");
        image.setHelperText("Without tag, e.g. ghcr.io/acme/web-app");
        tag.setValue("latest");
        port.setValue(8080);
        health.setValue("/");
        source.setHelperText("Optional: https://…, ssh://… or git@host:org/repo");
        owners.setHelperText("Optional: people or teams to contact, separated by commas");
        // Only where this person may import: the teams they develop in, and no team with a Plate-wide role.
        var teams = new java.util.ArrayList<String>();
        if (access.may(java.util.Optional.empty(), dev.plate.security.Role.DEVELOPER)) {
            teams.add(NO_TEAM);
        }
        teams.addAll(access.teamsWhere(dev.plate.security.Role.DEVELOPER));
        team.setLabel("Team");
        team.setId("import-team");
        team.setItems(teams);
        team.setItemLabelGenerator(name -> name.isEmpty() ? "No team (Plate-wide roles decide)" : name);
        team.setHelperText("Its members decide who may deploy, promote and roll back the project");
        if (!teams.isEmpty()) {
            // No team when that is allowed: a project must not land in a team (whose members then change it) unseen.
            team.setValue(teams.getFirst());
        }
        fields.forEach((key, field) -> {
            var value = (HasValue<?, ?>) field;
            if (value instanceof com.vaadin.flow.data.value.HasValueChangeMode modes) {
                modes.setValueChangeMode(ValueChangeMode.LAZY);
            }
            value.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    touched.add(key);
                    check();
                }
            });
        });
        var form = new FormLayout(name, image, tag, port, health, source, owners, team);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setMaxWidth("48rem");
        var submit = new Button("Import", event -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var intro = new Paragraph("Plate generates a Helm chart and values for every environment and commits them "
                + "to the config repository in one commit. From a terminal, plate import . does the same.");
        intro.addClassName("plate-muted");
        // Every project lives in every environment, in promotion order; say where this one will go.
        var where = new Paragraph("Environments: " + String.join(" → ", environments.list().stream()
                .map(env -> env.name() + (env.protectedEnvironment() ? " (protected)" : "")).toList())
                + ". Each starts with the initial image tag.");
        where.addClassName("plate-muted");
        where.setId("import-environments");
        mayImport = !teams.isEmpty();
        add(intro, form, where, submit);
    }

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        if (!mayImport) {
            String who = "developers, maintainers and administrators, in a team or across Plate";
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class, who);
        }
    }

    private NewProject project() {
        return new NewProject(name.getValue().strip(), source.getValue(), image.getValue().strip(),
                port.getValue() == null ? 0 : port.getValue(), health.getValue().strip(),
                Arrays.stream(owners.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .inTeam(team.getValue());
    }

    /**
     * The import's own rules, as the person types, for the fields touched so far: untouched ones are checked with
     * valid stand-ins, so the first rule broken is always one the person can see.
     */
    private void check() {
        FieldErrors.clear(fields);
        var typed = project();
        var candidate = new NewProject(touched.contains("name") ? typed.name() : "import-" + Long.toString(
                System.nanoTime(), 36), touched.contains("sourceRepoUrl") ? typed.sourceRepoUrl() : "",
                touched.contains("imageRepository") ? typed.imageRepository() : "registry.example.com/stand-in",
                touched.contains("containerPort") ? typed.containerPort() : 8080,
                touched.contains("healthPath") ? typed.healthPath() : "/",
                touched.contains("owners") ? typed.owners() : java.util.List.of());
        try {
            if (touched.contains("initialImageTag")) {
                KubernetesNames.imageTag("initialImageTag", tag.getValue().strip());
            }
            projects.check(candidate);
        } catch (ValidationException refusal) {
            if (touched.contains(refusal.field())) {
                FieldErrors.show(refusal, fields);
            }
        }
    }

    private void submit() {
        FieldErrors.clear(fields);
        try {
            showProgress(deployments.importProject(new ImportRequest(project(), tag.getValue().strip())));
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        }
    }

    /** What Plate did, step by step, with where to go next. */
    private void showProgress(ImportResult result) {
        String app = result.project().name();
        removeAll();
        var steps = new UnorderedList();
        steps.addClassName("plate-steps");
        steps.add(step(true, "Checked " + app + ": name, image, port, health check path."));
        long chartFiles = files.of(app, result.environments().getFirst()).stream()
                .filter(file -> file.path().startsWith("charts/")).count();
        steps.add(step(true, "Generated its Helm chart: charts/" + app + "/ (" + chartFiles + " files), and values for "
                + String.join(", ", result.environments()) + "."));
        steps.add(step(true, "Committed " + result.commit().substring(0, 7) + " to " + result.cloneUrl() + "."));
        boolean argoCd = statuses.connection().state() != ApplicationStatuses.Connection.State.NOT_CONFIGURED;
        steps.add(step(argoCd, argoCd ? "Asked Argo CD for the Applications " + String.join(", ",
                result.environments().stream().map(env -> app + "-" + env).toList()) + "; their status shows on the "
                + "project page as Argo CD reports it."
                : "Argo CD is not connected, so nothing deploys it yet: connect a cluster in Admin → Integrations."));
        var open = new Button("Open " + app, event -> getUI().ifPresent(ui -> ui.navigate("projects/" + app)));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setId("import-open");
        var another = new Button("Import another", event -> getUI().ifPresent(ui -> ui.getPage().reload()));
        var buttons = new Div(open, another);
        buttons.addClassName("plate-form-buttons");
        add(new H2("Imported " + app), steps, buttons);
    }

    private static ListItem step(boolean done, String text) {
        var mark = new Span(done ? "✓" : "!");
        mark.addClassName(done ? "plate-step-done" : "plate-step-warn");
        var item = new ListItem(mark, new Span(text));
        item.getElement().setAttribute("data-step", done ? "done" : "attention");
        return item;
    }
}
