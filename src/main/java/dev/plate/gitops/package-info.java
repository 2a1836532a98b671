/**
 * The config repository: {@link dev.plate.gitops.ConfigRepository} (one commit per change, retried on the newest
 * head, expecting what a change was computed from), its layout ({@link dev.plate.gitops.RepoLayout}), and where it
 * lives ({@link dev.plate.gitops.RepositoryHosting}): the place saved, in use and followed by every instance, and
 * when its history moves. Its port {@link dev.plate.gitops.ConfigRepositoryBackends} opens the places and moves the
 * history (implemented with JGit by module {@code git}).
 */
package dev.plate.gitops;
