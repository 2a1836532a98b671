package dev.plate.tokens.internal;

import dev.plate.base.ValidationException;
import dev.plate.security.CurrentUser;
import dev.plate.tokens.CliSignIns;
import dev.plate.tokens.LoginTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One-time codes for the CLI's browser sign-in; only their hashes are stored, and each is deleted when used. */
@Service
class CliCodes implements CliSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(2);
    /** base64url without padding of 32 bytes (a S256 challenge), or a verifier of RFC 7636's 43-128 characters. */
    static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcTemplate jdbc;
    private final CurrentUser user;
    private final JwtLoginTokens tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CliCodes(JdbcTemplate jdbc, CurrentUser user, JwtLoginTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.user = user;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String approve(String challenge) {
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw new ValidationException("challenge", "This sign-in link is not one the Plate CLI made: run plate "
                    + "login --sso again.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("delete from cli_login_code where expires_at < ?", Timestamp.from(clock.instant()));
        jdbc.update("insert into cli_login_code (code_hash, username, challenge, expires_at) values (?, ?, ?, ?)",
                sha256(code), user.name(), challenge, Timestamp.from(clock.instant().plus(LIFETIME)));
        return code;
    }

    @Override
    // The deletion stays when the exchange is refused: that is what makes a wrong guess cost the code.
    @Transactional(noRollbackFor = RuntimeException.class)
    public LoginTokens.IssuedToken redeem(String code, String verifier) {
        if (code == null || !CODE.matcher(code).matches() || verifier == null || !VERIFIER.matcher(verifier).matches()) {
            throw refused();
        }
        String hash = sha256(code);
        var rows = jdbc.query("select username, challenge, expires_at from cli_login_code where code_hash = ?",
                (row, i) -> new Row(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()), hash);
        // Deleted before anything is checked: a code is good for one try, right or wrong, even from racing callers.
        if (rows.isEmpty() || jdbc.update("delete from cli_login_code where code_hash = ?", hash) != 1) {
            throw refused();
        }
        var row = rows.getFirst();
        if (!clock.instant().isBefore(row.expiresAt()) || !MessageDigest.isEqual(
                row.challenge().getBytes(StandardCharsets.US_ASCII), sha256(verifier).getBytes(StandardCharsets.US_ASCII))) {
            throw refused();
        }
        return tokens.issueTo(row.username(), "by a browser sign-in (plate login --sso)");
    }

    private record Row(String username, String challenge, java.time.Instant expiresAt) {}

    private static ValidationException refused() {
        return new ValidationException("code", "This sign-in code is unknown, used or expired, or was not made for this "
                + "command line: run plate login --sso again.");
    }

    /** base64url of SHA-256, as PKCE's S256 computes a challenge. */
    static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
