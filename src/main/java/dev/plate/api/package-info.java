/**
 * The REST API {@code /api/v1} for the CLI and scripts: one controller per resource (sessions, environments,
 * projects, deployments, audit, admin), request checks and answers shaped in {@code ApiViews}, errors as RFC 9457
 * problems. It calls the same services as the pages; it holds no business rule of its own.
 */
package dev.plate.api;
