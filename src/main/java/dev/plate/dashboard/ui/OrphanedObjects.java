package dev.plate.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.plate.base.ui.Notifications;
import dev.plate.delivery.ArgoCdReconciliation;
import dev.plate.delivery.ReconcileReport;
import java.util.List;

/**
 * For an admin, after a lost or wrong database: this Plate's Argo CD objects whose projects it has no record of.
 * Plate never deletes them by itself; here the admin decides, per project — or recovers from Git instead.
 */
final class OrphanedObjects extends Div {

    OrphanedObjects(ReconcileReport report, ArgoCdReconciliation reconciliation, Runnable refresh) {
        addClassName("plate-orphans");
        var intro = new Paragraph(report.paused().map(reason -> "Deletions are paused: " + reason + ". ").orElse("")
                + "These Argo CD objects carry this Plate's mark, but their projects are not in its database. Argo CD "
                + "keeps running what they deployed. If the database was lost, recover the projects from Git "
                + "(docs/runbook.md); delete only what is really gone.");
        intro.addClassName("plate-muted");
        add(new H2("Argo CD objects without a project"), intro);
        var cards = new Div();
        cards.addClassName("plate-cards");
        for (String project : report.orphanProjects()) {
            var objects = report.orphans().stream().filter(name -> name.endsWith(" " + project)
                    || name.contains(" " + project + "-")).toList();
            var title = new Span(project);
            title.addClassName("plate-card-title");
            var detail = new Paragraph(String.join(", ", objects));
            detail.addClassName("plate-card-detail");
            var delete = new Button("Delete its objects…", click -> confirm(project, reconciliation, refresh));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            var card = new Div(title, detail, delete);
            card.addClassName("plate-card");
            card.getElement().setAttribute("data-orphan", project);
            cards.add(card);
        }
        add(cards);
    }

    private static void confirm(String project, ArgoCdReconciliation reconciliation, Runnable refresh) {
        var dialog = new ConfirmDialog("Delete the Argo CD objects of " + project + "?", "Argo CD then deletes "
                + "everything they deployed, in every environment. This is recorded in the audit log and cannot be "
                + "undone from Plate.", "Delete", confirmed -> Notifications.attempt(
                        () -> reconciliation.confirmRemoval(List.of(project)), "Deleting the Argo CD objects of "
                                + project, refresh));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
