package dev.plate.projects.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.plate.argocd.ApplicationStatuses;
import dev.plate.base.Subscription;
import dev.plate.deployment.DeploymentService;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentEvents;
import dev.plate.history.DeploymentRecord;
import dev.plate.project.ProjectService;
import dev.plate.project.ProjectSummary;
import dev.plate.security.Role;
import dev.plate.teams.TeamAccess;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One project: a card per environment in promotion order with what runs there and who put it there, and the
 * actions the user's role allows (the services refuse the rest anyway).
 */
@Route("projects/:name")
@PermitAll
class ProjectView extends Div implements BeforeEnterObserver, HasDynamicTitle,
        dev.plate.base.ui.HasOwnHeading {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ProjectService projects;
    private final EnvironmentService environments;
    private final DeploymentService deployments;
    private final transient dev.plate.approvals.DeploymentRequests requests;
    private final transient TeamAccess access;
    private final transient ApplicationStatuses statuses;
    private final transient DeploymentEvents events;
    private final transient dev.plate.deployment.ProjectFiles files;
    private final transient dev.plate.workloads.Workloads workloads;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Read on the threads that bring Argo CD's reports and outcomes, too. */
    private volatile ProjectSummary project;

    ProjectView(ProjectService projects, EnvironmentService environments, DeploymentService deployments,
            TeamAccess access, ApplicationStatuses statuses, DeploymentEvents events,
            dev.plate.deployment.ProjectFiles files, dev.plate.workloads.Workloads workloads,
            dev.plate.approvals.DeploymentRequests requests) {
        this.requests = requests;
        this.files = files;
        this.workloads = workloads;
        this.projects = projects;
        this.environments = environments;
        this.deployments = deployments;
        this.access = access;
        this.statuses = statuses;
        this.events = events;
        addClassName("plate-page");
    }

    /**
     * Argo CD's reports and deployment outcomes arrive on background threads; each one about this project
     * redraws the page through Vaadin push. The user's security context is not on those threads, so the redraw
     * runs inside {@code ui.access}, which has the session's.
     *
     * <p>The page is drawn here, after subscribing, not before: an outcome decided while it was being drawn is
     * then either in what it read or redraws it. Drawn before subscribing (in {@code beforeEnter}), an outcome
     * that arrived in between was lost, and the card said "Waiting for Argo CD" until a reload.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        subscriptions.add(statuses.subscribe(status -> redrawIfMine(ui, status.project())));
        subscriptions.add(events.subscribe(finished -> redrawIfMine(ui, finished.project())));
        if (project != null) {
            refresh();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    private void redrawIfMine(UI ui, String projectName) {
        if (project != null && project.name().equals(projectName)) {
            ui.access(() -> {
                if (project != null && projects.find(project.name()).isPresent()) {
                    refresh();
                }
            });
        }
    }

    @Override
    public String getPageTitle() {
        return project == null ? "Project" : project.name();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        Optional<ProjectSummary> found = projects.find(name);
        if (found.isEmpty()) {
            project = null;
            removeAll();
            var empty = new Div(new H2("No project named '" + name + "'"),
                    new Paragraph("It may have been removed, or the address is mistyped."));
            empty.addClassName("plate-empty");
            add(empty);
            return;
        }
        project = found.get();
        if (isAttached()) {
            refresh(); // another project on the page already shown: no attach follows
        }
    }

    private void refresh() {
        removeAll();
        var title = new H2(project.name());
        var about = new Paragraph(project.imageRepository() + " · port " + project.containerPort() + " · health "
                + project.healthPath() + project.team().map(team -> " · team " + team).orElse("")
                + (project.owners().isEmpty() ? "" : " · owners " + String.join(", ", project.owners())));
        about.addClassName("plate-muted");
        var cards = new Div();
        cards.addClassName("plate-cards");
        List<EnvironmentSummary> order = environments.list();
        // Each environment's history once per drawing: the cards, their buttons and the history grid share it.
        var histories = new HashMap<String, List<DeploymentRecord>>();
        order.forEach(env -> histories.put(env.name(), deployments.history(project.name(), env.name())));
        for (int i = 0; i < order.size(); i++) {
            cards.add(card(order.get(i), i + 1 < order.size() ? Optional.of(order.get(i + 1)) : Optional.empty(),
                    histories));
        }
        // What waits for approvals comes first: someone is waiting for a decision.
        var waiting = new dev.plate.approvals.ui.RequestsPanel(requests, "Waiting for approval",
                () -> requests.list(Optional.of(project.name()), true), this::refresh);
        add(title, about, waiting, cards, history(order, histories));
        if (access.may(project.team(), Role.MAINTAINER)) {
            var remove = new Button("Remove project", event -> new RemoveProjectDialog(deployments, project.name(),
                    () -> getUI().ifPresent(ui -> ui.navigate("projects"))).open());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(remove);
        }
    }

    /** Every change to this project, newest first, across environments. */
    private Component history(List<EnvironmentSummary> order, Map<String, List<DeploymentRecord>> histories) {
        var rows = new java.util.ArrayList<DeploymentRecord>();
        order.forEach(env -> rows.addAll(histories.get(env.name())));
        rows.sort(java.util.Comparator.comparingLong(DeploymentRecord::id).reversed());
        var newest = rows.size() > 100 ? rows.subList(0, 100) : rows;
        var section = new Div(new H3("History"), HistoryGrid.of(newest, deployments, workloads,
                LiveStatus.watched(statuses.connection())));
        section.addClassName("plate-history");
        return section;
    }

    private Component card(EnvironmentSummary env, Optional<EnvironmentSummary> next,
            Map<String, List<DeploymentRecord>> histories) {
        // The environment's own page: its history and the files Argo CD renders, at a bookmarkable address.
        var name = new Anchor("projects/" + project.name() + "/" + env.name(), env.name());
        name.addClassName("plate-card-title");
        var badge = new Span(env.protectedEnvironment() ? "Protected" : env.autoSync() ? "Auto-sync" : "Manual sync");
        badge.addClassNames("plate-badge", env.protectedEnvironment() ? "plate-badge-not_configured" : "plate-badge-up");
        var top = new Div(name, badge);
        top.addClassName("plate-card-top");
        var card = new Div(top);
        card.addClassName("plate-card");
        card.getElement().setAttribute("data-environment", env.name());
        var history = histories.get(env.name());
        if (history.isEmpty()) {
            card.add(new Paragraph("Not configured here."));
            return card;
        }
        DeploymentRecord last = history.getFirst();
        var image = new H3(last.config().imageTag());
        image.addClassName("plate-card-image");
        var detail = new Paragraph(last.config().replicas() + (last.config().replicas() == 1 ? " replica" : " replicas")
                + " · " + last.kind().name().toLowerCase() + " by " + last.requestedBy() + " · "
                + WHEN.format(last.requestedAt()) + " · commit ");
        String shortSha = last.toRevision().substring(0, 7);
        files.commitUrl(last.toRevision()).ifPresentOrElse(url -> {
            var link = new Anchor(url, shortSha);
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener");
            detail.add(link);
        }, () -> detail.add(shortSha));
        detail.addClassName("plate-card-detail");
        card.add(image, detail, LiveStatus.of(statuses.connection(), statuses.of(project.name(), env.name()), last, env),
                actions(env, next, next.flatMap(after -> histories.get(after.name()).stream().findFirst()), history));
        return card;
    }

    /** The buttons; one that would change nothing is offered disabled, saying why. */
    /** @param there the newest deployment of the environment {@code next}, if it has one */
    private Component actions(EnvironmentSummary env, Optional<EnvironmentSummary> next,
            Optional<DeploymentRecord> there, List<DeploymentRecord> history) {
        var actions = new Div();
        actions.addClassName("plate-card-actions");
        boolean maintainer = access.may(project.team(), Role.MAINTAINER);
        boolean developer = access.may(project.team(), Role.DEVELOPER);
        // Where changes wait for approvals, a developer asks for them: the approvers are the second pair of eyes.
        if (developer && (!env.protectedEnvironment() || maintainer || env.approvals().applies())) {
            var deploy = new Button("Deploy", event -> new DeployDialog(deployments, requests, project.name(), env,
                    this::refresh).open());
            deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            actions.add(deploy);
        }
        if (next.isPresent() && (maintainer || developer && next.get().approvals().applies())) {
            var promote = new Button("Promote to " + next.get().name(), event -> new PromoteDialog(deployments,
                    requests, project.name(), env, next.get(), this::refresh).open());
            promote.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var here = history.getFirst().config();
            // Promoting copies the image, and with its configuration everything but the ingress: nothing differs.
            if (there.isPresent() && there.get().config().equals(here.withIngress(there.get().config().ingress()))) {
                promote.setEnabled(false);
                promote.setTooltipText(next.get().name() + " already runs " + here.imageTag() + " with this "
                        + "configuration: nothing to promote.");
            }
            actions.add(promote);
        }
        if (maintainer || developer && env.approvals().applies()) {
            var rollback = new Button("Roll back", event -> new RollbackDialog(deployments, requests, project.name(),
                    env, this::refresh).open());
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var current = history.getFirst().config();
            if (history.stream().noneMatch(earlier -> !earlier.config().equals(current))) {
                rollback.setEnabled(false);
                rollback.setTooltipText("No earlier, different deployment in " + env.name() + " to go back to.");
            }
            actions.add(rollback);
        }
        return actions;
    }
}
