package dev.plate.workloads.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.workloads.Workloads;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The Events tab: one timeline of the events of the Application and all its resources, newest first, live. */
public class EventsPanel extends Div {

    static final Duration REFRESH = Duration.ofSeconds(10);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final transient Workloads workloads;
    private final String project;
    private final String environment;
    private final Div list = new Div();
    private final Paragraph state = new Paragraph("Asking Argo CD…");
    private Thread refresher;

    public EventsPanel(Workloads workloads, String project, String environment) {
        this.workloads = workloads;
        this.project = project;
        this.environment = environment;
        addClassName("plate-events");
        state.addClassName("plate-muted");
        add(state, list);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        var availability = workloads.availability();
        if (!availability.configured()) {
            state.setText(availability.message());
            return;
        }
        refresher = Background.repeat(attach.getUI(), REFRESH, () -> workloads.events(project, environment),
                this::show, failure -> state.setText("Cannot show the events now: " + failure.getMessage()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (refresher != null) {
            refresher.interrupt();
            refresher = null;
        }
    }

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
