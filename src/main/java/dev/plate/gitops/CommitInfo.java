package dev.plate.gitops;

import java.time.Instant;
import java.util.Set;

/**
 * One commit of the config repository's branch, as history: who made it and when, what it said, and which files
 * it changed (against its parent; all of them for the first commit).
 *
 * @param parentSha the commit before it, or "" for the first
 */
public record CommitInfo(String sha, String parentSha, String author, Instant time, String message,
        Set<String> changedPaths) {}
