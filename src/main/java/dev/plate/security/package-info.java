/**
 * Who may do what: users and roles, the sign-in (with throttling per address and account), sessions shared
 * across instances (spring-session-jdbc), the browser's security chain, who is acting now
 * ({@link dev.plate.security.CurrentUser}), and the login and profile pages. Access, service-account and CLI tokens
 * are module {@code tokens}, which adds its part of the profile page through {@link dev.plate.security.ProfileSection}.
 */
package dev.plate.security;
