package dev.plate.gitops;

import java.util.Optional;

/**
 * The Git config repository Plate commits every change to. Writes are serialised and retried on top of the
 * newest head, so concurrent changes all land, in order, each as exactly one commit.
 */
public interface ConfigRepository {

    /** Applies the change as one commit and pushes it; returns the new head, or the old one if nothing changed. */
    CommitResult commit(ChangeSet change);

    /**
     * Which Plate installation this repository belongs to: the first 16 hex digits of its first commit. Every
     * instance sharing the repository sees the same, and so does the place it moves to (the history moves with
     * it); another repository (a fresh data directory, another Plate) has another. Argo CD objects carry it to
     * say whose they are ({@code plate.dev/installation}).
     */
    String installationId();

    /**
     * Why the last commit on this instance failed, while no commit has succeeded since (a lock Plate cannot
     * remove, a full disk, Gitea down): what the health check and the dashboard report. Empty when writing works.
     */
    default Optional<String> writeProblem() {
        return Optional.empty();
    }

    /** The commit this instance last saw at the head of the branch. */
    String head();

    /**
     * Catches up with the remote where there is one, so that {@link #head()} includes what other instances
     * committed; nothing for the embedded repository, which every instance writes directly.
     */
    default void refresh() {
    }

    /** A file's content at the current head. */
    Optional<byte[]> read(String path);

    /** The names directly inside a directory at the current head (files and directories), sorted; none if absent. */
    java.util.List<String> children(String directory);

    /** A file's content at an earlier commit. */
    Optional<byte[]> readAt(String commitSha, String path);

    /** The names directly inside a directory at an earlier commit, sorted; none if it was no directory then. */
    java.util.List<String> childrenAt(String commitSha, String directory);

    /**
     * Whether {@code revision} contains {@code commit}: is it, or descends from it. False when either is not
     * known here (yet). Argo CD reports the head it synced, which in a shared repository is usually a later
     * commit than the deployment's own.
     */
    boolean includes(String revision, String commit);

    /**
     * Every commit of the branch touching at least one path under one of {@code prefixes}, oldest first, with the
     * paths it changed. Reads the whole history: for recovery and start-up checks, not for requests.
     */
    java.util.List<CommitInfo> history(java.util.Collection<String> prefixes);

    /**
     * Every commit message of the branch, newest first, one at a time: a walk without diffs, cheap enough for a
     * start-up check of what the messages record (deployment ids).
     */
    void eachMessage(java.util.function.Consumer<String> visitor);

    /** Where clients (git, Argo CD) clone the repository from. */
    String cloneUrl();

    /** A web page showing the commit, where the repository has one (Gitea); the embedded server has none. */
    default Optional<String> commitUrl(String sha) {
        return Optional.empty();
    }
}
