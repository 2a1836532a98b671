package dev.plate.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.plate.audit.AuditLog;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.base.ui.Notifications;
import dev.plate.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Admin → Audit log: who did what, filtered by user, action, target (a project is {@code project:<name>}) and
 * days (UTC), newest first, and the same as CSV. Each row carries the request id that links it to the log lines.
 */
@Route("admin/audit")
@PageTitle("Audit log")
@Menu(order = 13, title = "Audit log", icon = "vaadin:list")
@RolesAllowed(Roles.ADMIN)
class AuditView extends Div {

    static final int LIMIT = 500;

    private final AuditLog audit;
    private final TextField actor = new TextField("User");
    private final TextField action = new TextField("Action starts with");
    private final TextField target = new TextField("Target contains");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Grid<AuditLog.Entry> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    AuditView(AuditLog audit) {
        this.audit = audit;
        addClassName("plate-page");
        action.setPlaceholder("e.g. deployment.");
        target.setPlaceholder("e.g. project:web-app");
        var search = new Button("Search", event -> refresh());
        var csv = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = AuditCsv.of(audit.search(query(LIMIT * 2))).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "plate-audit.csv", "text/csv", bytes.length);
        }), "Export CSV");
        csv.getElement().setAttribute("download", true);
        var filters = new HorizontalLayout(actor, action, target, from, to, search, csv);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        grid.addColumn(AuditView::when).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::target).setHeader("Target").setWidth("10em").setFlexGrow(1);
        // Long values wrap (whole request ids included: people paste them into a log search).
        grid.addColumn(AuditLog.Entry::details).setHeader("Details").setFlexGrow(2).setWidth("11em");
        grid.addColumn(AuditLog.Entry::correlationId).setHeader("Request id").setWidth("9em").setFlexGrow(0);
        NarrowScreens.stackRows(grid, entry -> NarrowScreens.card(entry.action() + " " + entry.target(),
                when(entry) + " by " + entry.actor(), entry.details(), "request " + entry.correlationId()));
        grid.setAllRowsVisible(false);
        grid.setHeight("70vh");
        add(filters, count, grid);
        refresh();
    }

    private static String when(AuditLog.Entry entry) {
        return entry.occurredAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }

    private void refresh() {
        try {
            List<AuditLog.Entry> entries = audit.search(query(LIMIT));
            grid.setItems(entries);
            count.setText(entries.isEmpty() ? "No events match. Widen the filters."
                    : entries.size() == LIMIT ? "The newest " + LIMIT + " events; narrow the filters to see older ones."
                    : entries.size() + " event(s), newest first.");
        } catch (ValidationException e) {
            Notifications.error(e.getMessage());
        }
    }

    private AuditLog.Query query(int limit) {
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            throw new ValidationException("to", "'To' is before 'From'.");
        }
        return new AuditLog.Query(text(actor), text(action), text(target), day(from.getValue(), 0),
                day(to.getValue(), 1), limit);
    }

    private static Optional<String> text(TextField field) {
        return Optional.ofNullable(field.getValue()).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<Instant> day(LocalDate date, int plusDays) {
        return Optional.ofNullable(date).map(d -> d.plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
