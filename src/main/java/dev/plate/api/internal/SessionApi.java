package dev.plate.api.internal;

import dev.plate.base.ValidationException;
import dev.plate.tokens.LoginTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in from a client ({@code plate login}) and who a token belongs to. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Session", description = "Login tokens, and who a token belongs to")
class SessionApi {

    private final LoginTokens logins;
    private final dev.plate.tokens.CliSignIns cliSignIns;

    SessionApi(LoginTokens logins, dev.plate.tokens.CliSignIns cliSignIns) {
        this.logins = logins;
        this.cliSignIns = cliSignIns;
    }

    record Me(String username, List<String> roles) {}

    @GetMapping("/whoami")
    @Operation(summary = "Who the token belongs to, and their roles")
    Me whoami(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .toList());
    }

    record Login(String username, String password) {}

    record LoginToken(String token, String username, String role, Instant expiresAt) {}

    @PostMapping(path = "/login", consumes = "application/json")
    @SecurityRequirements
    @Operation(summary = "Exchange a username and password for a short-lived login token (what `plate login` does)")
    LoginToken login(@RequestBody Login request) {
        if (request.username() == null || request.username().isBlank()) {
            throw new ValidationException("username", "Give your Plate username.");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new ValidationException("password", "Give your password.");
        }
        var issued = logins.issue(request.username(), request.password());
        return new LoginToken(issued.token(), issued.username(), issued.role().name(), issued.expiresAt());
    }

    /** @param verifier the PKCE verifier whose S256 the browser's approval was bound to */
    record CodeLogin(String code, String verifier) {}

    @PostMapping(path = "/login/code", consumes = "application/json")
    @SecurityRequirements
    @Operation(summary = "Exchange the one-time code a browser sign-in handed to `plate login --sso` for a login token")
    LoginToken loginWithCode(@RequestBody CodeLogin request) {
        var issued = cliSignIns.redeem(request.code(), request.verifier());
        return new LoginToken(issued.token(), issued.username(), issued.role().name(), issued.expiresAt());
    }
}
