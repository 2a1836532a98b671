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

    /** @param lastUsedAt, revokedAt null when never */
    record Token(long id, String owner, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt) {

        static Token of(ApiTokens.TokenSummary token) {
            return new Token(token.id(), token.owner(), token.name(), token.prefix(), token.createdAt(),
                    token.expiresAt(), token.lastUsedAt().orElse(null), token.revokedAt().orElse(null));
        }
    }

    record NewToken(String name, Integer days) {}

    /** @param token the secret itself, shown this once */
    record Created(Token summary, String token) {}

    @GetMapping("/tokens")
    @Operation(summary = "Your tokens (with all=true, an admin sees everyone's)")
    List<Token> list(@RequestParam(defaultValue = "false") boolean all) {
        return (all ? tokens.all() : tokens.mine()).stream().map(Token::of).toList();
    }

    @PostMapping(path = "/tokens", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new token for you: name and days (1-365, default 90); the token is shown once")
    Created create(@RequestBody NewToken request, jakarta.servlet.http.HttpServletRequest http) {
        // A leaked token must not outlive its revocation by minting a longer-lived one (a service account's least).
        if (Boolean.TRUE.equals(http.getAttribute(ApiSecurity.BY_ACCESS_TOKEN))) {
            throw new org.springframework.security.access.AccessDeniedException("An access token cannot make "
                    + "tokens: sign in (plate login, or the browser) to create one.");
        }
        if (request.name() == null) {
            throw new ValidationException("name", "Name the token for what will use it, e.g. ci-deploy.");
        }
        var created = tokens.create(request.name(), request.days() == null ? 90 : request.days());
        return new Created(Token.of(created.summary()), created.token());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens (an admin: anyone's)")
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}
