/**
 * The dashboard page: system health cards, the latest deployments, the deployments plot and, for admins,
 * Argo CD objects that no project wants. Views only; nothing depends on it.
 */
package dev.plate.dashboard;
