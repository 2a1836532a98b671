/**
 * Teams own projects: a team's members (accounts, or the sign-in provider's groups) have a role in it, and who may
 * deploy, promote, roll back or remove a project is decided by the role in its team or a Plate-wide role that grants
 * it ({@link dev.plate.teams.TeamAccess}); docs/adr/0017-teams.md. Admin → Teams is {@code ui}.
 */
package dev.plate.teams;
