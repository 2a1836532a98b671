package dev.plate.gitops;

/**
 * @param sha the head after the change
 * @param previousSha the head before it
 * @param changed false when the files already had this content, so no commit was made
 */
public record CommitResult(String sha, String previousSha, boolean changed) {}
