package dev.plate.workloads.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import dev.plate.workloads.FailureEvidence;

/** "Why it failed": what Plate gathered from Argo CD when a deployment failed, shown in its detail. */
public final class EvidenceBlock {

    private EvidenceBlock() {}

    public static Div of(FailureEvidence evidence) {
        var block = new Div(new H3("Why it failed"));
        block.addClassName("plate-evidence");
        block.setId("deployment-evidence");
        if (!evidence.findings().isEmpty()) {
            var findings = new UnorderedList();
            evidence.findings().forEach(finding -> findings.add(new ListItem(finding)));
            block.add(findings);
        } else if (evidence.problem().isBlank()) {
            block.add(new Paragraph("Argo CD showed no unhealthy resource and no warning when it failed."));
        }
        if (!evidence.problem().isBlank()) {
            var problem = new Paragraph(evidence.problem());
            problem.addClassName("plate-muted");
            block.add(problem);
        }
        if (!evidence.logLines().isEmpty()) {
            var lines = new Pre(String.join("\n", evidence.logLines()));
            lines.addClassName("plate-yaml");
            block.add(new Paragraph("Last log lines of the crashing containers:"), lines);
        }
        return block;
    }
}
