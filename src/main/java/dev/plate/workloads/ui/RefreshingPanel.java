package dev.plate.workloads.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.plate.workloads.Workloads;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A tab that asks Argo CD while it is shown, again every {@code interval}: a one-line state above what it shows, or
 * what to configure when Argo CD's API server is not. Stops asking when the tab is left.
 */
abstract class RefreshingPanel<T> extends Div {

    protected final transient Workloads workloads;
    private final transient SecurityContextHolderStrategy security;
    protected final Paragraph state = new Paragraph("Asking Argo CD…");
    private final Duration interval;
    private final String what;
    private Thread refresher;

    RefreshingPanel(Workloads workloads, SecurityContextHolderStrategy security, Duration interval, String what) {
        this.workloads = workloads;
        this.security = security;
        this.interval = interval;
        this.what = what;
        state.addClassName("plate-muted");
        add(state);
    }

    /** The answer, asked off the UI's thread as the signed-in user. */
    protected abstract Supplier<T> ask();

    /** Shows an answer (inside {@code ui.access}). */
    abstract void show(T answer);

    @Override
    protected void onAttach(AttachEvent attach) {
        var availability = workloads.availability();
        if (!availability.configured()) {
            state.setText(availability.message());
            return;
        }
        refresher = Background.repeat(attach.getUI(), security, interval, ask(), this::show,
                failure -> state.setText("Cannot show the " + what + " now: " + failure.getMessage()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (refresher != null) {
            refresher.interrupt();
            refresher = null;
        }
    }
}
