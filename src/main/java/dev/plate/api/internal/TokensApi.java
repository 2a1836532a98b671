package dev.plate.api.internal;

import dev.plate.base.ValidationException;
import dev.plate.tokens.ApiTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal access tokens from a client ({@code plate token create|list|revoke}): a CI token without opening the
 * browser. The same rules as Profile → Access tokens: shown once, kept as a hash, revoked by its owner or an admin.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Tokens", description = "Your personal access tokens")
class TokensApi {

    private final ApiTokens tokens;

    TokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @param lastUsedAt, revokedAt null when never
     * @param team the team the token is limited to; null: not limited to one
     */
    record Token(long id, String owner, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, String team, boolean readOnly) {

        static Token of(ApiTokens.TokenSummary token) {
            return new Token(token.id(), token.owner(), token.name(), token.prefix(), token.createdAt(),
                    token.expiresAt(), token.lastUsedAt().orElse(null), token.revokedAt().orElse(null),
                    token.scope().team().orElse(null), token.scope().readOnly());
        }
    }

    /** @param team limits the token to that team's projects; {@code readOnly} to reading (both: for CI) */
    record NewToken(String name, Integer days, String team, Boolean readOnly) {}

    /** @param token the secret itself, shown this once */
    record Created(Token summary, String token) {}

    @GetMapping("/tokens")
    @Operation(summary = "Your tokens (with all=true, an admin sees everyone's)")
    List<Token> list(@RequestParam(defaultValue = "false") boolean all) {
        return (all ? tokens.all() : tokens.mine()).stream().map(Token::of).toList();
    }

    @PostMapping(path = "/tokens", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new token for you: name, days (1-365, default 90), optionally limited to one team's "
            + "projects and/or to reading; the token is shown once")
    Created create(@RequestBody NewToken request, jakarta.servlet.http.HttpServletRequest http) {
        // A leaked token must not outlive its revocation by minting a longer-lived one (a service account's least).
        if (Boolean.TRUE.equals(http.getAttribute(ApiSecurity.BY_ACCESS_TOKEN))) {
            throw new org.springframework.security.access.AccessDeniedException("An access token cannot make "
                    + "tokens: sign in (plate login, or the browser) to create one.");
        }
        if (request.name() == null) {
            throw new ValidationException("name", "Name the token for what will use it, e.g. ci-deploy.");
        }
        var created = tokens.create(request.name(), request.days() == null ? 90 : request.days(),
                new ApiTokens.Scope(java.util.Optional.ofNullable(request.team()), Boolean.TRUE.equals(
                        request.readOnly())));
        return new Created(Token.of(created.summary()), created.token());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens (an admin: anyone's)")
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
