/**
 * JGit underneath the config repository: a repository in an object database, written without a working tree — a bare
 * one on the embedded server, or a clone that pushes each commit to Gitea — with stale locks cleared, the move of its
 * history between the two sealing the place it left, and the embedded smart-HTTP Git server. It implements module
 * gitops's port {@link dev.plate.gitops.ConfigRepositoryBackends}; nothing uses it directly.
 */
package dev.plate.git;
