/**
 * Browser sessions shared by every instance (docs/adr/0002-sessions.md): the signed-in security context in a
 * spring-session-jdbc row named by the {@code PLATE_SESSION} cookie, read when a container session lacks it, re-checked
 * at an interval, and ended everywhere on logout, a disabled account or a changed role. The security module composes
 * these into the browser's chain; nothing here knows about accounts or roles.
 */
package dev.plate.sessions;
