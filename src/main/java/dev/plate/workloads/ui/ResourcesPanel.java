package dev.plate.workloads.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plate.argocdserver.ResourceTree;
import dev.plate.workloads.Workloads;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The Resources tab: the Application's tree (Deployment → ReplicaSet → Pods, Services, Ingresses…) with each
 * resource's health and, for those it manages, sync with Git, and for pods their state, readiness, restarts, age and images; refreshed every few seconds
 * while open.
 */
public class ResourcesPanel extends RefreshingPanel<ResourceTree> {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private final String project;
    private final String environment;
    private final Div tree = new Div();

    public ResourcesPanel(Workloads workloads, SecurityContextHolderStrategy security, String project,
            String environment) {
        super(workloads, security, REFRESH, "resources");
        this.project = project;
        this.environment = environment;
        addClassName("plate-resources");
        tree.addClassName("plate-tree");
        add(tree);
    }

    @Override
    protected java.util.function.Supplier<ResourceTree> ask() {
        return () -> workloads.resources(project, environment);
    }

    @Override
    void show(ResourceTree resources) {
        tree.removeAll();
        if (resources.resources().isEmpty()) {
            state.setText("Argo CD reports no resources for " + resources.application() + " yet.");
            return;
        }
        long pods = resources.pods().size();
        long unhealthy = resources.unhealthy().size();
        long outOfSync = resources.outOfSync().size();
        state.setText(resources.resources().size() + " resources, " + pods + (pods == 1 ? " pod" : " pods")
                + (unhealthy == 0 ? ", all healthy" : ", " + unhealthy + " not healthy")
                + (outOfSync == 0 ? "." : ", " + outOfSync + " out of sync with Git."));
        for (var root : resources.roots()) {
            add(resources, root, 0);
        }
    }

    private void add(ResourceTree resources, ResourceTree.Resource resource, int depth) {
        tree.add(row(resource, depth));
        if (depth < 6) { // a tree of owners, not a cycle; a malformed one stops here
            resources.children(resource).forEach(child -> add(resources, child, depth + 1));
        }
    }

    private static Div row(ResourceTree.Resource resource, int depth) {
        var kind = new Span(resource.kind());
        kind.addClassName("plate-resource-kind");
        var name = new Span(resource.name());
        name.addClassName("plate-resource-name");
        var row = new Div(kind, name);
        if (!resource.health().isEmpty()) {
            var health = new Span(resource.pod() && !resource.statusReason().isEmpty() ? resource.statusReason()
                    : resource.health());
            health.addClassNames("plate-badge", "plate-health-" + resource.health().toLowerCase(Locale.ROOT));
            row.add(health);
        }
        if (!resource.sync().isEmpty()) {
            var sync = new Span(resource.sync());
            sync.addClassNames("plate-badge", "OutOfSync".equals(resource.sync()) ? "plate-badge-warning"
                    : "plate-badge-not_configured");
            row.add(sync);
        }
        var details = new StringBuilder();
        if (resource.pod()) {
            details.append("ready ").append(resource.readiness().isEmpty() ? "?" : resource.readiness())
                    .append(" · restarts ").append(resource.restarts());
            resource.createdAt().ifPresent(at -> details.append(" · ").append(age(at)));
            if (!resource.images().isEmpty()) {
                details.append(" · ").append(String.join(", ", resource.images()));
            }
        }
        if (!resource.healthMessage().isBlank()) {
            details.append(details.isEmpty() ? "" : " · ").append(resource.healthMessage().strip());
        }
        if (!details.isEmpty()) {
            var line = new Div(details.toString());
            line.addClassName("plate-resource-details");
            row.add(line);
        }
        row.addClassName("plate-resource");
        row.getStyle().set("--depth", String.valueOf(depth));
        row.getElement().setAttribute("data-kind", resource.kind());
        row.getElement().setAttribute("data-name", resource.name());
        return row;
    }

    static String age(java.time.Instant at) {
        Duration age = Duration.between(at, Clock.systemUTC().instant());
        if (age.toDays() > 0) {
            return age.toDays() + " d old";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h old";
        }
        return Math.max(0, age.toMinutes()) + " min old";
    }
}
