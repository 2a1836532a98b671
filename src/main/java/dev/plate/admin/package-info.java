/**
 * Admin screens and system health: users, access tokens, integrations (cluster connection, config repository
 * place), the audit log, and {@link dev.plate.admin.SystemHealthService}, which gathers every module's
 * {@link dev.plate.base.health.SystemCheck} for the dashboard. Views in {@code ui/}; the database check in
 * {@code internal/}.
 */
package dev.plate.admin;
