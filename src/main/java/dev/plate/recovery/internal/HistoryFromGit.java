package dev.plate.recovery.internal;

import dev.plate.deployment.DeploymentTrailers;
import dev.plate.gitops.CommitInfo;
import dev.plate.gitops.ConfigRepository;
import dev.plate.history.DeploymentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads the deployment history out of the config repository: every commit that changed an environment's values
 * file is a change to it, made by the commit's author at the commit's time, of the kind its message starts with,
 * with the deployment id its trailer names ({@link DeploymentTrailers}). Undo commits (a transaction that failed
 * took its change back) are not deployments. A commit that deletes the values file (removing the project does)
 * ends that file's history: a project imported again under the same name starts afresh, as it did in the lost
 * database, so nothing of the removed one can be rolled back to.
 */
@Component
class HistoryFromGit {

    private static final Pattern VALUES = Pattern.compile("applications/([^/]+)/([^/]+)/values\\.yaml");

    /**
     * One change of one environment's values file.
     *
     * @param id the deployment id the commit recorded, if it did (commits from before trailers did not)
     */
    record Change(String project, String environment, CommitInfo commit, DeploymentKind kind, String summary,
            Optional<Long> id) {

        String path() {
            return "applications/" + project + "/" + environment + "/values.yaml";
        }
    }

    /**
     * @param changes every deployment of the projects' present incarnations, oldest first
     * @param removedIds the ids of deployments whose values file was deleted later (a project removed since): they
     *     are nobody's now, and no other deployment may take them
     * @param highestIdIssued no deployment id above this was ever issued for a change in this repository: the
     *     highest trailer, or the number of values-file commits (each change made at most one row), if higher
     */
    record History(List<Change> changes, List<Long> removedIds, long highestIdIssued) {}

    private final ConfigRepository repository;

    HistoryFromGit(ConfigRepository repository) {
        this.repository = repository;
    }

    /** The highest deployment id any commit message records (0: none), read without diffing any commit. */
    long highestRecordedId() {
        long[] highest = {0};
        repository.eachMessage(message -> DeploymentTrailers.parse(message).values()
                .forEach(id -> highest[0] = Math.max(highest[0], id)));
        return highest[0];
    }

    History read() {
        var changes = new ArrayList<Change>();
        var removedIds = new ArrayList<Long>();
        long valuesCommits = 0;
        long highestTrailer = 0;
        var commits = repository.history(List.of("applications"));
        var undone = new java.util.HashSet<String>();
        commits.forEach(commit -> DeploymentTrailers.undone(commit.message()).ifPresent(undone::add));
        for (CommitInfo commit : commits) {
            Map<String, Long> ids = DeploymentTrailers.parse(commit.message());
            highestTrailer = Math.max(highestTrailer, ids.values().stream().mapToLong(Long::longValue).max().orElse(0));
            if (undone.contains(commit.sha())) {
                continue; // taken back: its deployment never happened (its ids still count as issued)
            }
            String subject = DeploymentTrailers.subject(commit.message());
            for (String path : commit.changedPaths()) {
                var matcher = VALUES.matcher(path);
                if (!matcher.matches()) {
                    continue;
                }
                valuesCommits++;
                var kind = kindOf(subject);
                if (deletes(commit, path, kind)) {
                    changes.stream().filter(change -> change.path().equals(path))
                            .forEach(change -> change.id().ifPresent(removedIds::add));
                    changes.removeIf(change -> change.path().equals(path));
                    continue;
                }
                kind.ifPresent(k -> changes.add(new Change(matcher.group(1), matcher.group(2), commit, k,
                        summaryOf(subject), Optional.ofNullable(ids.get(matcher.group(2))))));
            }
        }
        return new History(changes, removedIds, Math.max(highestTrailer, valuesCommits));
    }

    /**
     * Whether the commit deleted the file. Plate's own import, deploy, promote and rollback always write it; any
     * other commit (Plate's removal, an undone import, a hand-made {@code git rm}) is looked at.
     */
    private boolean deletes(CommitInfo commit, String path, Optional<DeploymentKind> kind) {
        boolean writes = kind.isPresent() && kind.get() != DeploymentKind.RECOVER;
        return !writes && repository.readAt(commit.sha(), path).isEmpty();
    }

    /** The verb Plate starts each commit message with; a change of another origin is recorded as recovered. */
    private static Optional<DeploymentKind> kindOf(String subject) {
        if (subject.startsWith("undo ") || subject.startsWith("remove ")) {
            return Optional.empty();
        }
        for (var kind : List.of(DeploymentKind.IMPORT, DeploymentKind.DEPLOY, DeploymentKind.PROMOTE,
                DeploymentKind.ROLLBACK)) {
            if (subject.startsWith(kind.name().toLowerCase(java.util.Locale.ROOT) + " ")) {
                return Optional.of(kind);
            }
        }
        return Optional.of(DeploymentKind.RECOVER);
    }

    /** "deploy web to dev: image 1.2.0" → "image 1.2.0"; a message of another form is kept whole. */
    private static String summaryOf(String subject) {
        int colon = subject.indexOf(": ");
        String summary = colon < 0 ? subject : subject.substring(colon + 2);
        return summary.length() > 512 ? summary.substring(0, 511) + "…" : summary;
    }
}
