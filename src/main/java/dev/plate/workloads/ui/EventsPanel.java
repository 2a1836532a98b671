package dev.plate.workloads.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.workloads.Workloads;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Events tab: one timeline of the events of the Application and all its resources, newest first, live. */
public class EventsPanel extends RefreshingPanel<List<ClusterEvent>> {

    static final Duration REFRESH = Duration.ofSeconds(10);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final String project;
    private final String environment;
    private final Div list = new Div();

    public EventsPanel(Workloads workloads, SecurityContextHolderStrategy security, String project,
            String environment) {
        super(workloads, security, REFRESH, "events");
        this.project = project;
        this.environment = environment;
        addClassName("plate-events");
        add(list);
    }

    @Override
    protected java.util.function.Supplier<List<ClusterEvent>> ask() {
        return () -> workloads.events(project, environment);
    }

    @Override
    void show(List<ClusterEvent> events) {
        list.removeAll();
        long warnings = events.stream().filter(ClusterEvent::warning).count();
        state.setText(events.isEmpty() ? "No events: Kubernetes keeps them about an hour."
                : events.size() + " events, " + warnings + (warnings == 1 ? " warning" : " warnings")
                        + ", newest first.");
        for (var event : events) {
            var type = new Span(event.type());
            type.addClassNames("plate-badge", event.warning() ? "plate-badge-down" : "plate-badge-up");
            var head = new Div(new Span(WHEN.format(event.lastSeen())), type, new Span(event.reason()),
                    new Span(event.kind() + " " + event.name()));
            head.addClassName("plate-event-head");
            var message = new Div(event.message() + (event.count() > 1 ? " (×" + event.count() + ")" : ""));
            message.addClassName("plate-event-message");
            var row = new Div(head, message);
            row.addClassName("plate-event");
            if (event.warning()) {
                row.addClassName("plate-event-warning");
            }
            list.add(row);
        }
    }
}
