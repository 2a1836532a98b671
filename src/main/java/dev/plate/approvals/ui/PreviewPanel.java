package dev.plate.approvals.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.plate.deployment.ChangePreview;
import dev.plate.gitops.TextDiff;
import java.util.Locale;

/**
 * What a change would commit (or, for a request, what it will commit once approved): the commit message and each
 * file's diff, drawn as {@code git diff} would. The project page's dialogs show it too.
 */
public class PreviewPanel extends Div {

    public PreviewPanel() {
        addClassName("plate-preview");
        setVisible(false);
    }

    public void show(ChangePreview preview) {
        removeAll();
        setVisible(true);
        if (!preview.changes()) {
            add(new Paragraph(preview.project() + " in " + preview.environment()
                    + " already runs exactly this: nothing would change."));
            return;
        }
        var message = new Paragraph("Commit: " + preview.commitMessage());
        message.addClassName("plate-preview-message");
        add(message);
        for (var file : preview.files()) {
            var header = new Div(new Span(file.path()));
            header.addClassName("plate-diff-file");
            var lines = new Div();
            lines.addClassName("plate-diff");
            lines.getElement().setAttribute("data-path", file.path());
            for (TextDiff.Line line : file.diff()) {
                var row = new Div();
                row.addClassName("plate-diff-" + line.kind().name().toLowerCase(Locale.ROOT));
                row.setText(switch (line.kind()) {
                    case ADDED -> "+ " + line.text();
                    case REMOVED -> "- " + line.text();
                    case CONTEXT -> "  " + line.text();
                    case SKIPPED -> "⋯ " + line.text() + " unchanged lines";
                });
                lines.add(row);
            }
            add(header, lines);
        }
    }

    /** Why there is nothing to show (e.g. no earlier deployment to roll back to). */
    public void refusal(String message) {
        removeAll();
        setVisible(true);
        var text = new Paragraph(message);
        text.addClassName("plate-warning");
        add(text);
    }

    public void hide() {
        removeAll();
        setVisible(false);
    }
}
