package dev.plate.admin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plate.base.health.ComponentStatus;
import java.util.Locale;

/** The answer of "Test connection" or "Save": a state badge and what it means. */
final class StatusLine {

    private StatusLine() {}

    static void show(Div target, ComponentStatus status) {
        target.removeAll();
        var badge = new Span(status.state().label());
        badge.addClassNames("plate-badge", "plate-badge-" + status.state().name().toLowerCase(Locale.ROOT));
        target.add(badge, new Span(" " + status.detail()));
    }
}
