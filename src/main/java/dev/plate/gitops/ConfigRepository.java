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
     * Takes back a committed change whose database transaction then failed, as a new commit: each path it
     * wrote that still holds what it wrote gets its earlier content back (or goes, if it was new). Paths
     * changed again since are left alone. Returns the undo commit, if one was needed.
     */
    java.util.Optional<CommitResult> undo(ChangeSet change, CommitResult result, String reason);

    /** The commit this instance last saw at the head of the branch. */
    String head();

    /** A file's content at the current head. */
    Optional<byte[]> read(String path);

    /** A file's content at an earlier commit. */
    Optional<byte[]> readAt(String commitSha, String path);

    /** Where clients (git, Argo CD) clone the repository from. */
    String cloneUrl();
}
