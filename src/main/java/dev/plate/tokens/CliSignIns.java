package dev.plate.tokens;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * {@code plate login --sso}: the person signs in in the browser (through the provider, or with a password), approves
 * the command line there, and the browser hands a one-time code to the CLI's loopback address (RFC 8252). The CLI
 * exchanges it, with the PKCE verifier only it knows, for a login token — as {@code gh auth login} and
 * {@code argocd login --sso} do.
 */
public interface CliSignIns {

    /**
     * For the person signed in to this browser: a one-time code, valid two minutes, bound to the CLI's challenge.
     *
     * @param challenge base64url of the SHA-256 of the CLI's verifier (PKCE S256)
     */
    @PreAuthorize("isAuthenticated()")
    String approve(String challenge);

    /**
     * Exchanges a code once, with the verifier whose S256 is its challenge.
     *
     * @throws dev.plate.base.ValidationException when the code is unknown, used, expired or the verifier is wrong
     */
    LoginTokens.IssuedToken redeem(String code, String verifier);
}
