/**
 * Credentials for callers that do not use the login page: personal access tokens for git clients, scripts and CI
 * ({@link dev.plate.tokens.ApiTokens}, table {@code api_token}), service accounts whose tokens Plate issues and
 * rotates itself ({@link dev.plate.tokens.ServiceAccounts}), and the CLI's login tokens
 * ({@link dev.plate.tokens.LoginTokens}). A token acts as a user of module {@code security}, with that user's
 * current role. The access tokens on the profile page plug into security's {@link dev.plate.security.ProfileSection}.
 */
package dev.plate.tokens;
