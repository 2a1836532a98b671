package dev.plate.projects.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.plate.base.NotFoundException;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.ProjectFiles;
import dev.plate.environment.EnvironmentService;
import dev.plate.security.Role;
import dev.plate.teams.TeamAccess;
import dev.plate.workloads.Workloads;
import dev.plate.workloads.ui.EventsPanel;
import dev.plate.workloads.ui.LogsPanel;
import dev.plate.workloads.ui.ResourcesPanel;
import jakarta.annotation.security.PermitAll;

/**
 * One project in one environment, at a bookmarkable address ({@code /projects/web-app/staging}): what runs
 * there, every deployment to it, the files Argo CD renders (the chart and this environment's values and
 * Application, read-only, exactly as they are in the config repository), and what runs: resources, events, logs.
 */
@Route("projects/:name/:environment")
@PermitAll
class EnvironmentView extends Div implements BeforeEnterObserver, HasDynamicTitle,
        dev.plate.base.ui.HasOwnHeading {

    private final transient DeploymentService deployments;
    private final transient dev.plate.approvals.DeploymentRequests requests;
    private final transient ProjectFiles files;
    private final transient EnvironmentService environments;
    private final transient TeamAccess access;
    private final transient dev.plate.project.ProjectService projects;
    private final transient dev.plate.argocd.ApplicationStatuses statuses;
    private final transient Workloads workloads;
    private final transient org.springframework.security.core.context.SecurityContextHolderStrategy security;
    private String title = "Environment";

    EnvironmentView(DeploymentService deployments, ProjectFiles files, EnvironmentService environments,
            TeamAccess access, dev.plate.argocd.ApplicationStatuses statuses, Workloads workloads,
            org.springframework.security.core.context.SecurityContextHolderStrategy security,
            dev.plate.project.ProjectService projects, dev.plate.approvals.DeploymentRequests requests) {
        this.requests = requests;
        this.projects = projects;
        this.security = security;
        this.statuses = statuses;
        this.workloads = workloads;
        this.deployments = deployments;
        this.files = files;
        this.environments = environments;
        this.access = access;
        addClassName("plate-page");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render(event.getRouteParameters().get("name").orElse(""),
                event.getRouteParameters().get("environment").orElse(""), 0);
    }

    private void render(String project, String environment, int tab) {
        removeAll();
        try {
            var manifests = files.of(project, environment);
            var history = deployments.history(project, environment);
            title = project + " in " + environment;
            var back = new Anchor("projects/" + project, "← " + project);
            back.addClassName("plate-back");
            var summary = new Paragraph(history.isEmpty() ? "Not configured in this environment."
                    : "Running " + history.getFirst().config().imageTag() + " · " + history.getFirst().config().replicas()
                            + (history.getFirst().config().replicas() == 1 ? " replica" : " replicas") + " · last "
                            + history.getFirst().kind().name().toLowerCase(java.util.Locale.ROOT) + " by "
                            + history.getFirst().requestedBy() + ", " + ProjectView.WHEN.format(
                                    history.getFirst().requestedAt()));
            summary.addClassName("plate-muted");
            var tabs = new TabSheet();
            tabs.setWidthFull();
            tabs.add("History (" + history.size() + ")", history.isEmpty()
                    ? new Paragraph("No deployment yet.") : HistoryGrid.of(history, deployments, workloads,
                    LiveStatus.watched(statuses.connection())));
            var env = environments.find(environment).orElseThrow();
            var team = projects.find(project).flatMap(dev.plate.project.ProjectSummary::team);
            // Where changes wait for approvals, a developer asks for them (saving the form makes a request).
            boolean mayEdit = access.may(team, env.protectedEnvironment() && !env.approvals().applies()
                    ? Role.MAINTAINER : Role.DEVELOPER);
            tabs.add("Configuration", history.isEmpty() ? new Paragraph("Not configured in this environment.")
                    : new ConfigurationForm(deployments, requests, project, environment, mayEdit,
                            () -> render(project, environment, 1)));
            tabs.add("Manifests", manifests(manifests));
            tabs.add("Resources", new ResourcesPanel(workloads, security, project, environment));
            tabs.add("Events", new EventsPanel(workloads, security, project, environment));
            tabs.add("Logs", new LogsPanel(workloads, security, project, environment));
            tabs.setSelectedIndex(tab);
            add(back, new H2(title), summary, tabs);
        } catch (NotFoundException missing) {
            title = "Not found";
            var empty = new Div(new H2("Nothing here"), new Paragraph(missing.getMessage()
                    + " It may have been removed, or the address is mistyped."), new Anchor("projects", "All projects"));
            empty.addClassName("plate-empty");
            add(empty);
        }
    }

    /** One collapsible block per file, values and Application first open: what a person checks most. */
    private static Component manifests(java.util.List<ProjectFiles.RepositoryFile> list) {
        var intro = new Paragraph("The chart Plate generated and this environment's values and Argo CD Application, "
                + "as committed. Argo CD renders the chart with these values.");
        intro.addClassName("plate-muted");
        var all = new Div(intro);
        all.addClassName("plate-manifests");
        for (var file : list) {
            var content = new Pre(file.content());
            content.addClassName("plate-yaml");
            var details = new Details(file.path(), content);
            details.setOpened(file.path().startsWith("applications/"));
            details.getElement().setAttribute("data-path", file.path());
            all.add(details);
        }
        return all;
    }
}
