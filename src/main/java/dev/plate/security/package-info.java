/**
 * Who may do what: users and roles, the sign-in (with throttling per address and account), the browser's security
 * chain (composed of module {@code sessions}' shared sessions and the other ways in, {@link
 * dev.plate.security.BrowserSignIn}, such as module {@code sso}), accounts linked to a sign-in provider, who is acting now
 * ({@link dev.plate.security.CurrentUser}), and the login page. Access, service-account and CLI tokens are module
 * {@code tokens}; the profile page is module {@code profile}, to which others add through
 * {@link dev.plate.security.ProfileSection}.
 */
package dev.plate.security;
