package dev.plate.gitops;

/**
 * Published on the instance where an admin moved the config repository, once the history is in the new place
 * and every later commit goes there: what points at the old place (Argo CD's Applications and repository
 * credentials, webhooks) follows.
 */
public record ConfigRepositoryMoved(String fromUrl, String toUrl, String actor) {}
