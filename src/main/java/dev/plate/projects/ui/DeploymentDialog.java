package dev.plate.projects.ui;

import dev.plate.approvals.ui.PreviewPanel;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.plate.deployment.DeploymentService;
import dev.plate.history.DeploymentRecord;
import dev.plate.workloads.Workloads;
import dev.plate.workloads.ui.EvidenceBlock;
import java.util.Locale;

/**
 * One deployment: who, when, which commit, how it ended (with Argo CD's message and, when it failed, the evidence of
 * why), and the diff it applied.
 */
class DeploymentDialog extends Dialog {

    DeploymentDialog(DeploymentService deployments, Workloads workloads, DeploymentRecord record, boolean watched) {
        setHeaderTitle("#" + record.id() + " · " + record.kind().name().toLowerCase(Locale.ROOT) + " "
                + record.project() + " in " + record.environment());
        setWidth("min(100%, 46rem)");
        var outcome = new Span(LiveStatus.label(record.state(), watched));
        outcome.addClassNames("plate-badge", "plate-badge-" + LiveStatus.tone(record.state(), watched));
        var facts = new Div(
                fact("Change", record.summary()),
                fact("By", record.requestedBy() + ", " + ProjectView.WHEN.format(record.requestedAt())),
                fact("Commit", record.toRevision()),
                new Paragraph(new Span("Outcome "), outcome, new Span(record.finishedAt()
                        .map(end -> " · decided " + ProjectView.WHEN.format(end)).orElse(""))));
        facts.addClassName("plate-facts");
        add(facts);
        if (!record.outcome().isBlank()) {
            var message = new Paragraph("Argo CD: " + record.outcome());
            message.addClassName(record.state().name().equals("SUCCEEDED") ? "plate-muted" : "plate-warning");
            add(message);
        }
        workloads.evidence(record.id()).ifPresent(evidence -> add(EvidenceBlock.of(evidence)));
        var applied = new PreviewPanel();
        try {
            applied.show(deployments.applied(record.id()));
        } catch (dev.plate.gitops.GitException e) {
            // Made on another instance and not fetched here yet (Gitea): say so rather than fail.
            applied.refusal("The diff is not available on this instance yet: " + e.getMessage());
        }
        add(applied);
        getFooter().add(new Button("Close", event -> close()));
    }

    private static Paragraph fact(String label, String value) {
        var name = new Span(label + " ");
        name.addClassName("plate-muted");
        return new Paragraph(name, new Span(value));
    }
}
