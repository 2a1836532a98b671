package dev.plate.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * {@code plate login --device}, for a machine with no browser (a server over SSH, a container): the CLI asks for a
 * pair of codes, shows the short one, and polls with the long one while the person types the short one into Plate on
 * any device where they are signed in and approves — RFC 8628's device grant, as {@code gh auth login} and
 * {@code az login --use-device-code} do it. Only the person who approved may be signed in by it, once.
 */
public interface CliDeviceSignIns {

    /**
     * A new pair, waiting for a person's decision.
     *
     * @param address where the CLI's request came from, shown to the person who approves
     * @param program what the CLI says it is (its User-Agent): shown too, marked as unverified
     */
    Started start(String address, String program);

    /** What waits for the code a person typed, so the page can show where it came from before they decide. */
    @PreAuthorize("isAuthenticated()")
    Optional<Waiting> waiting(String userCode);

    /**
     * The signed-in person approves (or refuses) the sign-in that shows this code.
     *
     * @throws dev.plate.base.ValidationException when no sign-in waits for the code (mistyped, expired, decided)
     */
    @PreAuthorize("isAuthenticated()")
    void decide(String userCode, boolean approve);

    /**
     * The CLI's poll: still waiting (ask again after the interval), or the login token, once.
     *
     * @throws dev.plate.base.ValidationException when the sign-in was refused, expired, already used or is unknown
     */
    Poll poll(String deviceCode);

    /**
     * @param deviceCode the CLI's secret, never shown to the person
     * @param userCode what the person types, e.g. {@code WDJB-MJHT}
     */
    record Started(String deviceCode, String userCode, Instant expiresAt, Duration interval) {}

    record Waiting(String userCode, String address, String program, Instant requestedAt, Instant expiresAt) {}

    /** Either still pending (and how long to wait before the next poll), or the token. */
    record Poll(Optional<LoginTokens.IssuedToken> token, Duration interval, boolean slowDown) {}
}
