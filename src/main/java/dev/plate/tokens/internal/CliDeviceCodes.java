package dev.plate.tokens.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.UnavailableException;
import dev.plate.base.ValidationException;
import dev.plate.security.CurrentUser;
import dev.plate.tokens.CliDeviceSignIns;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device grant's two codes. The device code is 32 random bytes and only its hash is kept; the user code is eight
 * letters from twenty consonants (no vowels, so no words; 2.56 × 10¹⁰ codes) and lives ten minutes. Deciding needs a
 * signed-in person, and the token goes to that person once: the poll that finds the approval deletes the row.
 */
@Service
class CliDeviceCodes implements CliDeviceSignIns {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** RFC 8628 §3.5: a client polling too fast is told to add five seconds. */
    static final Duration SLOW_DOWN = Duration.ofSeconds(5);
    /** Enough for every person of a large organisation signing in at once; a flood of starts stops here. */
    static final int MAX_WAITING = 10_000;
    /** From one address: a few people behind one NAT, not a flood that would fill the rest. */
    static final int MAX_WAITING_PER_ADDRESS = 20;
    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final Pattern DEVICE_CODE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern USER_CODE = Pattern.compile("[" + ALPHABET + "]{8}");

    private final JdbcTemplate jdbc;
    private final CurrentUser user;
    private final JwtLoginTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration interval;
    private final SecureRandom random = new SecureRandom();

    CliDeviceCodes(JdbcTemplate jdbc, CurrentUser user, JwtLoginTokens tokens, AuditLog audit, Clock clock,
            @Value("${plate.cli-login.device-interval:5s}") Duration interval) {
        this.jdbc = jdbc;
        this.user = user;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    @Transactional
    public Started start(String address, String program) {
        Instant now = clock.instant();
        jdbc.update("delete from cli_device_code where expires_at < ?", Timestamp.from(now));
        String from = cut(address, 64) + ", " + cut(program.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(), 200);
        if (jdbc.queryForObject("select count(*) from cli_device_code where requested_from like ?", Integer.class,
                cut(address, 64).replace("%", "\\%").replace("_", "\\_") + ", %") >= MAX_WAITING_PER_ADDRESS
                || jdbc.queryForObject("select count(*) from cli_device_code", Integer.class) >= MAX_WAITING) {
            throw new UnavailableException("Too many device sign-ins are waiting; try again in a few minutes, or use "
                    + "plate login --sso or a token.", LIFETIME);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String deviceCode = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String userCode = freshUserCode();
        Instant expires = now.plus(LIFETIME);
        jdbc.update("insert into cli_device_code (device_hash, user_code, decision, requested_from, requested_at, "
                + "expires_at, poll_interval_seconds, next_poll_at) values (?, ?, 'PENDING', ?, ?, ?, ?, ?)",
                CliCodes.sha256(deviceCode), userCode, from, Timestamp.from(now), Timestamp.from(expires),
                interval.toSeconds(), Timestamp.from(now));
        return new Started(deviceCode, shown(userCode), expires, interval);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Waiting> waiting(String userCode) {
        return normalized(userCode).flatMap(code -> jdbc.query("select requested_from, requested_at, expires_at from "
                + "cli_device_code where user_code = ? and decision = 'PENDING' and expires_at > ?",
                (row, i) -> {
                    String from = row.getString(1);
                    int comma = from.indexOf(", ");
                    return new Waiting(shown(code), comma < 0 ? from : from.substring(0, comma), comma < 0 ? ""
                            : from.substring(comma + 2), row.getTimestamp(2).toInstant(),
                            row.getTimestamp(3).toInstant());
                }, code, Timestamp.from(clock.instant())).stream().findFirst());
    }

    @Override
    @Transactional
    public void decide(String userCode, boolean approve) {
        String code = normalized(userCode).orElseThrow(() -> new ValidationException("code", "A code is eight letters, "
                + "like WDJB-MJHT: copy it from the terminal where plate login --device runs."));
        String name = user.name();
        int decided = jdbc.update("update cli_device_code set decision = ?, username = ? where user_code = ? and "
                + "decision = 'PENDING' and expires_at > ?", approve ? "APPROVED" : "DENIED", name, code,
                Timestamp.from(clock.instant()));
        if (decided != 1) {
            throw new ValidationException("code", "No sign-in waits for the code " + shown(code) + ": check it against "
                    + "the terminal, or run plate login --device again (a code lasts " + LIFETIME.toMinutes()
                    + " minutes and is decided once).");
        }
        String from = jdbc.queryForObject("select requested_from from cli_device_code where user_code = ?",
                String.class, code);
        audit.record(name, approve ? "login.device-approved" : "login.device-refused", "user:" + name,
                "plate login --device with code " + shown(code) + " from " + from);
    }

    @Override
    // A refused or expired sign-in's row is deleted even though the poll is answered with an error.
    @Transactional(noRollbackFor = RuntimeException.class)
    public Poll poll(String deviceCode) {
        if (deviceCode == null || !DEVICE_CODE.matcher(deviceCode).matches()) {
            throw unknown();
        }
        String hash = CliCodes.sha256(deviceCode);
        Instant now = clock.instant();
        var rows = jdbc.query("select decision, username, expires_at, poll_interval_seconds, next_poll_at from "
                + "cli_device_code where device_hash = ?", (row, i) -> new Row(row.getString(1), row.getString(2),
                row.getTimestamp(3).toInstant(), Duration.ofSeconds(row.getInt(4)), row.getTimestamp(5).toInstant()),
                hash);
        if (rows.isEmpty()) {
            throw unknown();
        }
        Row row = rows.getFirst();
        if (!now.isBefore(row.expiresAt())) {
            jdbc.update("delete from cli_device_code where device_hash = ?", hash);
            throw new ValidationException("deviceCode", "Nobody approved this sign-in within " + LIFETIME.toMinutes()
                    + " minutes: run plate login --device again.");
        }
        switch (row.decision()) {
            case "DENIED" -> {
                jdbc.update("delete from cli_device_code where device_hash = ?", hash);
                throw new ValidationException("deviceCode", "The sign-in was refused in the browser.");
            }
            case "APPROVED" -> {
                // Only the poll whose delete wins issues the token, however many race.
                if (jdbc.update("delete from cli_device_code where device_hash = ? and decision = 'APPROVED'",
                        hash) != 1) {
                    throw unknown();
                }
                try {
                    return new Poll(Optional.of(tokens.issueTo(row.username(), "by a device sign-in "
                            + "(plate login --device)")), row.interval(), false);
                } catch (DisabledException e) {
                    throw new ValidationException("deviceCode", "The account that approved this sign-in ("
                            + row.username() + ") is disabled.");
                }
            }
            default -> {
                // Half an interval of leeway for clocks and networks; sooner than that is a client polling too fast.
                boolean tooSoon = now.isBefore(row.nextPollAt().minus(row.interval().dividedBy(2)));
                Duration next = tooSoon ? row.interval().plus(SLOW_DOWN) : row.interval();
                jdbc.update("update cli_device_code set poll_interval_seconds = ?, next_poll_at = ? where device_hash "
                        + "= ?", next.toSeconds(), Timestamp.from(now.plus(next)), hash);
                return new Poll(Optional.empty(), next, tooSoon);
            }
        }
    }

    private String freshUserCode() {
        while (true) {
            var code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = code.toString();
            if (jdbc.queryForObject("select count(*) from cli_device_code where user_code = ?", Integer.class,
                    candidate) == 0) {
                return candidate;
            }
        }
    }

    /** What a person types, forgiving case, spaces and dashes: {@code wdjb mjht} is {@code WDJBMJHT}. */
    static Optional<String> normalized(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return USER_CODE.matcher(letters).matches() ? Optional.of(letters) : Optional.empty();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    static String shown(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    private static ValidationException unknown() {
        return new ValidationException("deviceCode", "This device sign-in is unknown or was used already: run plate "
                + "login --device again.");
    }

    private record Row(String decision, String username, Instant expiresAt, Duration interval, Instant nextPollAt) {}
}
