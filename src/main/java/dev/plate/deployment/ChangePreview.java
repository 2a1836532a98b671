package dev.plate.deployment;

import dev.plate.gitops.TextDiff;
import java.util.List;

/**
 * What a deployment, promotion or rollback would commit, computed the same way and validated by the same rules,
 * without committing: the commit message and, per file, its content before and after with their diff.
 *
 * @param changes false when the environment already runs exactly this (the action would be refused)
 */
public record ChangePreview(String project, String environment, boolean changes, String commitMessage,
        List<FileChange> files) {

    public record FileChange(String path, String before, String after, List<TextDiff.Line> diff) {}
}
