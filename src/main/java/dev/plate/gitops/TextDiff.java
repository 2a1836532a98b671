package dev.plate.gitops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * A line diff of two versions of a file, the way {@code git diff} shows it (histogram algorithm, a few lines of
 * context around each change), as data a view can draw.
 */
public final class TextDiff {

    public enum Kind { CONTEXT, ADDED, REMOVED, SKIPPED }

    /** @param text the line without its newline; for SKIPPED, how many unchanged lines are not shown */
    public record Line(Kind kind, String text) {}

    private TextDiff() {}

    public static List<Line> of(String before, String after, int context) {
        var a = new RawText(before.getBytes(StandardCharsets.UTF_8));
        var b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        var edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        var lines = new ArrayList<Line>();
        int shownUpTo = 0; // lines of `a` before this index are shown or skipped already
        for (int i = 0; i < edits.size(); i++) {
            Edit edit = edits.get(i);
            int contextStart = Math.max(shownUpTo, edit.getBeginA() - context);
            if (contextStart > shownUpTo) {
                lines.add(new Line(Kind.SKIPPED, String.valueOf(contextStart - shownUpTo)));
            }
            for (int line = contextStart; line < edit.getBeginA(); line++) {
                lines.add(new Line(Kind.CONTEXT, a.getString(line)));
            }
            for (int line = edit.getBeginA(); line < edit.getEndA(); line++) {
                lines.add(new Line(Kind.REMOVED, a.getString(line)));
            }
            for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
                lines.add(new Line(Kind.ADDED, b.getString(line)));
            }
            int nextBegin = i + 1 < edits.size() ? edits.get(i + 1).getBeginA() : a.size();
            int contextEnd = Math.min(edit.getEndA() + context, nextBegin);
            for (int line = edit.getEndA(); line < contextEnd; line++) {
                lines.add(new Line(Kind.CONTEXT, a.getString(line)));
            }
            shownUpTo = contextEnd;
        }
        if (!edits.isEmpty() && shownUpTo < a.size()) {
            lines.add(new Line(Kind.SKIPPED, String.valueOf(a.size() - shownUpTo)));
        }
        return lines;
    }
}
