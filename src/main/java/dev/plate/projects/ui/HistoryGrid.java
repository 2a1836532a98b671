package dev.plate.projects.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.plate.base.ui.NarrowScreens;
import dev.plate.history.DeploymentRecord;
import java.util.List;
import java.util.Locale;

/** Deployments newest first: who, what, when, which commit, and how it ended (Argo CD's message as a tooltip). */
final class HistoryGrid {

    private HistoryGrid() {}

    /** With a click on a row opening the deployment's detail. */
    static Grid<DeploymentRecord> of(List<DeploymentRecord> rows, dev.plate.deployment.DeploymentService deployments,
            dev.plate.workloads.Workloads workloads, boolean watched) {
        var grid = of(rows, watched);
        grid.addItemClickListener(event -> new DeploymentDialog(deployments, workloads, event.getItem(), watched)
                .open());
        return grid;
    }

    /** @param watched whether Argo CD is connected (see {@link LiveStatus#label}) */
    static Grid<DeploymentRecord> of(List<DeploymentRecord> rows, boolean watched) {
        var grid = new Grid<DeploymentRecord>();
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(record -> "#" + record.id()).setHeader("#").setKey("id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DeploymentRecord::environment).setHeader("Environment").setKey("environment").setAutoWidth(true);
        grid.addColumn(record -> record.kind().name().toLowerCase(Locale.ROOT)).setHeader("What").setKey("kind")
                .setAutoWidth(true);
        // The one long value: it takes the room left and wraps, so the outcome is never pushed out of sight.
        grid.addColumn(DeploymentRecord::summary).setHeader("Change").setKey("summary").setWidth("12em")
                .setFlexGrow(1);
        grid.addColumn(DeploymentRecord::requestedBy).setHeader("Who").setKey("who").setAutoWidth(true);
        grid.addColumn(record -> ProjectView.WHEN.format(record.requestedAt())).setHeader("When").setKey("when")
                .setAutoWidth(true);
        grid.addColumn(record -> record.finishedAt().map(end -> duration(record.requestedAt(), end)).orElse(""))
                .setHeader("Took").setKey("took").setAutoWidth(true);
        grid.addColumn(record -> record.toRevision().substring(0, 7)).setHeader("Commit").setKey("commit")
                .setAutoWidth(true);
        grid.addColumn(record -> LiveStatus.label(record.state(), watched)).setHeader("Outcome").setKey("outcome")
                .setWidth("9em").setFlexGrow(1).setTooltipGenerator(record -> record.outcome().isBlank() ? null : record.outcome());
        NarrowScreens.stackRows(grid, record -> NarrowScreens.card("#" + record.id() + " "
                + record.kind().name().toLowerCase(Locale.ROOT) + " to " + record.environment(), record.summary(),
                LiveStatus.label(record.state(), watched) + record.finishedAt().map(end -> " in "
                        + duration(record.requestedAt(), end)).orElse(""),
                record.requestedBy() + ", " + ProjectView.WHEN.format(record.requestedAt()) + ", commit "
                        + record.toRevision().substring(0, 7)));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String duration(java.time.Instant start, java.time.Instant end) {
        long seconds = Math.max(0, java.time.Duration.between(start, end).toSeconds());
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
