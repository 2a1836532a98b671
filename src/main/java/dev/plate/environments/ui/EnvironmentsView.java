package dev.plate.environments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.base.ui.Notifications;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.security.Roles;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The promotion path (dev → staging → prod) and where each environment deploys. Everyone reads it; an admin
 * adds, renames, reorders and removes environments here, each change a commit.
 */
@Route("environments")
@PageTitle("Environments")
@Menu(order = 2, title = "Environments", icon = "vaadin:server")
@PermitAll
class EnvironmentsView extends Div {

    private final EnvironmentService environments;
    private final EnvironmentAdministration administration;
    private final boolean admin;
    private final Paragraph path = new Paragraph();
    private final Grid<EnvironmentSummary> grid = new Grid<>();

    EnvironmentsView(EnvironmentService environments, EnvironmentAdministration administration,
            AuthenticationContext authentication) {
        this.environments = environments;
        this.administration = administration;
        this.admin = authentication.hasRole(Roles.ADMIN);
        addClassName("plate-page");
        path.addClassName("plate-muted");
        if (admin) {
            var add = new Button("Add environment", new Icon("vaadin", "plus"),
                    event -> new AddEnvironmentDialog(administration, environments.list(), this::refresh).open());
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var toolbar = new Div(add);
            toolbar.addClassName("plate-toolbar");
            add(toolbar);
        }
        configureGrid();
        add(path, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(env -> env.position() + 1).setHeader("#").setFlexGrow(0).setWidth("4em");
        grid.addColumn(EnvironmentSummary::name).setHeader("Name").setAutoWidth(true);
        // Cluster addresses are long: they wrap in the room left, so the actions keep theirs.
        grid.addColumn(EnvironmentSummary::clusterServer).setHeader("Cluster").setWidth("10em").setFlexGrow(1);
        grid.addColumn(EnvironmentSummary::namespacePattern).setHeader("Namespace").setKey("namespace")
                .setWidth("9em").setFlexGrow(1);
        grid.addComponentColumn(env -> badge(env.autoSync() ? "Automatic" : "Manual", env.autoSync()))
                .setHeader("Argo CD sync").setAutoWidth(true);
        grid.addComponentColumn(env -> badge(whoDeploys(env, "Developers"), !env.protectedEnvironment()
                && !env.approvals().applies())).setHeader("Who deploys").setKey("who").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true)
                    .setFlexGrow(0);
        }
        NarrowScreens.stackRows(grid, env -> NarrowScreens.card((env.position() + 1) + ". " + env.name(),
                env.clusterServer(), "namespace " + env.namespacePattern(),
                badge(env.autoSync() ? "Sync automatic" : "Sync manual", env.autoSync()),
                badge(whoDeploys(env, "Developers deploy"), !env.protectedEnvironment() && !env.approvals().applies()),
                admin ? actions(env) : null));
        grid.setAllRowsVisible(true);
    }

    /** "Maintainers only", "Developers", and the approvals a change waits for: "Developers, 2 approvals". */
    private static String whoDeploys(EnvironmentSummary env, String developers) {
        String who = env.protectedEnvironment() ? "Maintainers only" : developers;
        int required = env.approvals().required();
        return env.approvals().applies() ? who + ", " + required + (required == 1 ? " approval" : " approvals") : who;
    }

    private void refresh() {
        var list = environments.list();
        path.setText(list.isEmpty() ? "No environments yet: an administrator adds them."
                : "Promotion path: " + list.stream().map(EnvironmentSummary::name).collect(Collectors.joining(" → ")));
        grid.setItems(list);
    }

    private Component actions(EnvironmentSummary env) {
        var up = new Button(new Icon("vaadin", "arrow-up"), event -> move(env, -1));
        up.setAriaLabel("Move " + env.name() + " earlier");
        var down = new Button(new Icon("vaadin", "arrow-down"), event -> move(env, 1));
        down.setAriaLabel("Move " + env.name() + " later");
        var edit = new Button("Change", event -> new EditEnvironmentDialog(administration, env, this::refresh).open());
        edit.setAriaLabel("Change " + env.name());
        var remove = new Button("Remove", event -> Notifications.attempt(() -> administration.remove(env.name()),
                "Removed " + env.name(), this::refresh));
        for (var button : List.of(up, down, edit, remove)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new Div(up, down, edit, remove);
    }

    private void move(EnvironmentSummary env, int by) {
        var names = new ArrayList<>(environments.list().stream().map(EnvironmentSummary::name).toList());
        int from = names.indexOf(env.name());
        int to = from + by;
        if (from < 0 || to < 0 || to >= names.size()) {
            return;
        }
        Collections.swap(names, from, to);
        Notifications.attempt(() -> administration.reorder(names), "Promotion path is now " + String.join(" → ",
                names), this::refresh);
    }

    private static Component badge(String text, boolean positive) {
        var badge = new Span(text);
        badge.addClassNames("plate-badge", positive ? "plate-badge-up" : "plate-badge-not_configured");
        return badge;
    }
}
