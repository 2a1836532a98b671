package dev.plate.api.internal;

import dev.plate.base.ValidationException;
import dev.plate.tokens.CliDeviceSignIns;
import dev.plate.tokens.CliSignIns;
import dev.plate.tokens.LoginTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final CliSignIns cliSignIns;
    private final CliDeviceSignIns deviceSignIns;

    SessionApi(LoginTokens logins, CliSignIns cliSignIns, CliDeviceSignIns deviceSignIns) {
        this.logins = logins;
        this.cliSignIns = cliSignIns;
        this.deviceSignIns = deviceSignIns;
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

    /**
     * @param verificationPath where, on this Plate, the person types the user code
     * @param interval seconds to wait between polls
     */
    record DeviceSignIn(String deviceCode, String userCode, String verificationPath, Instant expiresAt,
            long interval) {}

    @PostMapping(path = "/login/device")
    @SecurityRequirements
    @Operation(summary = "Start a device sign-in (`plate login --device`): a code for the person to type into Plate "
            + "in any signed-in browser, and a secret to poll with")
    DeviceSignIn startDeviceSignIn(HttpServletRequest request) {
        String agent = java.util.Optional.ofNullable(request.getHeader("User-Agent")).orElse("an unnamed client");
        var started = deviceSignIns.start(request.getRemoteAddr(), agent);
        return new DeviceSignIn(started.deviceCode(), started.userCode(), "/cli-login/device", started.expiresAt(),
                started.interval().toSeconds());
    }

    record DevicePoll(String deviceCode) {}

    /** @param status {@code pending}, or {@code slow_down} when polled sooner than the interval allows */
    record Pending(String status, long interval) {}

    @PostMapping(path = "/login/device/token", consumes = "application/json")
    @SecurityRequirements
    @Operation(summary = "Poll a device sign-in: 202 while nobody has decided (wait `interval` seconds), the login "
            + "token once approved, 400 when refused, expired or used")
    ResponseEntity<Object> pollDeviceSignIn(@RequestBody DevicePoll request) {
        var poll = deviceSignIns.poll(request.deviceCode());
        if (poll.token().isPresent()) {
            var issued = poll.token().get();
            return ResponseEntity.ok(new LoginToken(issued.token(), issued.username(), issued.role().name(),
                    issued.expiresAt()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Pending(poll.slowDown() ? "slow_down" : "pending",
                poll.interval().toSeconds()));
    }
}
