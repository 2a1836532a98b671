/**
 * The config repository: {@link dev.plate.gitops.ConfigRepository} (one commit per change, retried on the newest
 * head, expecting what a change was computed from), its layout ({@link dev.plate.gitops.RepoLayout}), the embedded
 * smart-HTTP Git server, a Gitea-hosted clone, where it lives ({@link dev.plate.gitops.RepositoryHosting}) and the
 * move between places with its history. JGit only here.
 */
package dev.plate.gitops;
