package dev.plate.workloads.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.plate.base.Subscription;
import dev.plate.base.ValidationException;
import dev.plate.argocdserver.LogLine;
import dev.plate.argocdserver.LogQuery;
import dev.plate.workloads.LogSink;
import dev.plate.workloads.Workloads;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The Logs tab, like {@code kubectl logs}: all pods merged or one, a container, the previous (crashed) container, a
 * time window and a search; following live by default. The page keeps the last {@link #MAX_LINES} lines and stops
 * scrolling while the reader has scrolled up; lines arrive in batches through push.
 */
public class LogsPanel extends Div {

    static final int MAX_LINES = 2_000;
    static final String ALL_PODS = "All pods";
    private static final Map<String, Duration> WINDOWS = windows();
    private final transient Workloads workloads;
    private final transient SecurityContextHolderStrategy security;
    private final String project;
    private final String environment;
    private final Select<String> pod = new Select<>();
    private final TextField container = new TextField("Container");
    private final Select<String> window = new Select<>();
    private final TextField search = new TextField("Search");
    private final Checkbox follow = new Checkbox("Follow", true);
    private final Checkbox previous = new Checkbox("Previous container");
    private final Paragraph state = new Paragraph();
    private final Div output = new Div();
    private transient Subscription stream;
    private transient PanelSink sink;
    private transient Thread podLoader;
    private UI ui;

    public LogsPanel(Workloads workloads, SecurityContextHolderStrategy security, String project,
            String environment) {
        this.workloads = workloads;
        this.security = security;
        this.project = project;
        this.environment = environment;
        addClassName("plate-logs");
        pod.setLabel("Pod");
        pod.setItems(ALL_PODS);
        pod.setValue(ALL_PODS);
        pod.setId("logs-pod");
        container.setId("logs-container");
        container.setPlaceholder("if several");
        window.setLabel("Time");
        window.setItems(WINDOWS.keySet());
        window.setValue("Recent lines");
        search.setId("logs-search");
        follow.setId("logs-follow");
        previous.setId("logs-previous");
        previous.addValueChangeListener(event -> {
            if (event.getValue()) {
                follow.setValue(false); // an ended container cannot be followed
            }
        });
        var show = new Button("Show", event -> open());
        show.setId("logs-show");
        var download = new Anchor(DownloadHandler.fromInputStream(request -> {
            byte[] bytes = downloadAll();
            return new DownloadResponse(new ByteArrayInputStream(bytes), project + "-" + environment + ".log",
                    "text/plain", bytes.length);
        }), "Download");
        download.getElement().setAttribute("download", true);
        var controls = new HorizontalLayout(pod, container, window, search, follow, previous, show, download);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        state.addClassName("plate-muted");
        output.addClassName("plate-log");
        output.setId("logs-output");
        // Stays at the newest line unless the reader scrolled up to read: then it waits where they are.
        output.getElement().executeJs("this.addEventListener('scroll', () => this.dataset.pinned = "
                + "(this.scrollTop + this.clientHeight >= this.scrollHeight - 24) ? 'true' : 'false')");
        add(controls, state, output);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        ui = attach.getUI();
        var availability = workloads.availability();
        if (!availability.configured()) {
            state.setText(availability.message());
            disable();
            return;
        }
        if (!workloads.mayReadLogs(project, environment)) {
            state.setText("Reading the logs of " + environment + " needs a higher role than yours; ask a maintainer.");
            disable();
            return;
        }
        podLoader = Background.repeat(ui, security, Duration.ofSeconds(30), () -> workloads.resources(project, environment),
                tree -> {
                    var names = new ArrayList<String>(List.of(ALL_PODS));
                    tree.pods().forEach(p -> names.add(p.name()));
                    String chosen = pod.getValue();
                    pod.setItems(names);
                    pod.setValue(names.contains(chosen) ? chosen : ALL_PODS);
                }, failure -> { });
        open();
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        close();
        if (podLoader != null) {
            podLoader.interrupt();
            podLoader = null;
        }
    }

    private void disable() {
        getChildren().filter(child -> child != state).forEach(child -> child.setVisible(false));
        state.setVisible(true);
    }

    /** (Re)starts the stream with what the controls say; a refused value is shown at its field. */
    void open() {
        close();
        output.removeAll();
        container.setInvalid(false);
        search.setInvalid(false);
        LogQuery query;
        try {
            query = query(follow.getValue(), MAX_LINES);
        } catch (ValidationException refusal) {
            var field = "container".equals(refusal.field()) ? container : search;
            field.setErrorMessage(refusal.getMessage());
            field.setInvalid(true);
            return;
        }
        state.setText(query.follow() ? "Following…" : "Reading…");
        sink = new PanelSink(ui);
        stream = workloads.logs(project, environment, query, sink);
    }

    private LogQuery query(boolean following, Integer tail) {
        String chosen = pod.getValue();
        return LogQuery.of(ALL_PODS.equals(chosen) ? null : chosen, container.getValue(), following,
                previous.getValue(), WINDOWS.get(window.getValue()), tail, search.getValue());
    }

    private void close() {
        if (sink != null) {
            sink.cancelled = true; // its end, arriving later, is not the new stream's
        }
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    void append(List<LogLine> lines, long skipped) {
        if (skipped > 0) {
            var gap = new Div("… " + skipped + " lines skipped: the page fell behind the stream …");
            gap.addClassName("plate-log-gap");
            output.add(gap);
        }
        boolean merged = ALL_PODS.equals(pod.getValue());
        for (var line : lines) {
            output.add(new Div((merged ? line.pod() + " │ " : "") + line.content()));
        }
        int excess = (int) output.getChildren().count() - MAX_LINES;
        if (excess > 0) {
            output.getChildren().limit(excess).toList().forEach(output::remove);
        }
        output.getElement().executeJs("if (this.dataset.pinned !== 'false') this.scrollTop = this.scrollHeight");
    }

    /** The same selection, not followed, up to 10,000 lines per pod: what a person attaches to a ticket. */
    private byte[] downloadAll() {
        var text = new ByteArrayOutputStream();
        var done = new CountDownLatch(1);
        var subscription = workloads.logs(project, environment, query(false, LogQuery.MAX_TAIL), new LogSink() {
            @Override
            public void line(LogLine line) {
                text.writeBytes((line.pod() + " " + line.at() + " " + line.content() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void ended(Optional<String> problem) {
                problem.ifPresent(why -> text.writeBytes(("# " + why + "\n").getBytes(StandardCharsets.UTF_8)));
                done.countDown();
            }
        });
        try {
            done.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscription.close();
        }
        return text.toByteArray();
    }

    /** Collects lines from the reader's thread and shows them in one push per batch, not one per line. */
    private final class PanelSink implements LogSink {

        private final UI target;
        private final List<LogLine> pending = new ArrayList<>();
        private long skippedLines;
        private boolean scheduled;
        private volatile boolean cancelled;

        PanelSink(UI target) {
            this.target = target;
        }

        @Override
        public synchronized void line(LogLine line) {
            pending.add(line);
            schedule();
        }

        @Override
        public synchronized void skipped(long lines) {
            skippedLines += lines;
            schedule();
        }

        @Override
        public void ended(Optional<String> problem) {
            if (cancelled) {
                return;
            }
            target.access(() -> {
                flush();
                state.setText(problem.map(why -> "The stream ended: " + why + " Press Show to open it again.")
                        .orElse(follow.getValue() ? "The stream ended. Press Show to follow again." : "End of log."));
            });
        }

        private void schedule() {
            if (!scheduled) {
                scheduled = true;
                target.access(this::flush);
            }
        }

        private void flush() {
            List<LogLine> batch;
            long skipped;
            synchronized (this) {
                batch = new ArrayList<>(pending);
                pending.clear();
                skipped = skippedLines;
                skippedLines = 0;
                scheduled = false;
            }
            if (!cancelled && (!batch.isEmpty() || skipped > 0)) {
                append(batch, skipped);
                if (follow.getValue()) {
                    state.setText("Following…");
                }
            }
        }
    }

    private static Map<String, Duration> windows() {
        var windows = new LinkedHashMap<String, Duration>();
        windows.put("Recent lines", null);
        windows.put("Last 5 min", Duration.ofMinutes(5));
        windows.put("Last 15 min", Duration.ofMinutes(15));
        windows.put("Last hour", Duration.ofHours(1));
        windows.put("Last 6 hours", Duration.ofHours(6));
        windows.put("Last day", Duration.ofDays(1));
        return windows;
    }
}
