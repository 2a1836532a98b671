/**
 * Single sign-on through an OpenID Connect provider (docs/adr/0016-single-sign-on.md): the provider's settings
 * ({@link dev.plate.sso.SingleSignOn}, Admin → Integrations → Sign-in, or {@code PLATE_OIDC_*}), discovery, and the
 * sign-in added to the browser's chain through {@link dev.plate.security.BrowserSignIn}. Spring Security does the
 * protocol; the accounts it signs in to are the security module's ({@link dev.plate.security.ProviderAccounts}).
 */
package dev.plate.sso;
