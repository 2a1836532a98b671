package dev.plate.tokens.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.security.Role;
import dev.plate.tokens.ApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens are 32 random bytes (base64url) behind the {@code plate_} prefix; their entropy makes a plain SHA-256
 * hash safe to store and fast to look up (unlike passwords, which need a slow hash). "Last used" is written at
 * most once a minute per token, not on every request.
 */
@Service
@Transactional
class JdbcApiTokens implements ApiTokens {

    private static final String SELECT = "select t.id, u.username, t.name, t.token_prefix, t.created_at, "
            + "t.expires_at, t.revoked_at, t.last_used_at, t.team, t.read_only from api_token t join plate_user u "
            + "on u.id = t.user_id ";

    private final JdbcTemplate jdbc;
    private final SecurityContextHolderStrategy securityContext;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final dev.plate.teams.TeamAccess teams;
    private final dev.plate.security.CurrentUser limited;

    JdbcApiTokens(JdbcTemplate jdbc, SecurityContextHolderStrategy securityContext, AuditLog audit, Clock clock,
            dev.plate.teams.TeamAccess teams, dev.plate.security.CurrentUser limited) {
        this.teams = teams;
        this.limited = limited;
        this.jdbc = jdbc;
        this.securityContext = securityContext;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public NewToken create(String name, int days) {
        return create(name, days, Scope.FULL);
    }

    @Override
    public NewToken create(String name, int days, Scope scope) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "Name the token for what will use it (1-64 characters), e.g. "
                    + "'ci' or 'laptop'.");
        }
        if (days < 1 || days > 365) {
            throw new ValidationException("days", "A token lasts from 1 to 365 days.");
        }
        scope.team().ifPresent(team -> {
            if (!teams.exists(team)) {
                throw new ValidationException("team", "There is no team named '" + team + "' to limit the token to.");
            }
        });
        String owner = currentUser();
        var issued = insert(owner, trimmed, Duration.ofDays(days), owner, scope);
        return new NewToken(find(issued.id()).orElseThrow(), issued.token());
    }

    record Issued(long id, String token, Instant expiresAt) {}

    /** A new token row for {@code owner}: 32 random bytes behind the prefix, only its hash stored; audited. */
    public Issued insert(String owner, String name, Duration lifetime, String actor) {
        return insert(owner, name, lifetime, actor, Scope.FULL);
    }

    private Issued insert(String owner, String name, Duration lifetime, String actor, Scope scope) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.update("insert into api_token (user_id, name, token_hash, token_prefix, created_at, expires_at, team, "
                + "read_only) select id, ?, ?, ?, ?, ?, ?, ? from plate_user where username = ?", name, hash(token),
                token.substring(0, 10), Timestamp.from(now), Timestamp.from(expires), scope.team().orElse(null),
                scope.readOnly(), owner);
        long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class, hash(token));
        audit.record(actor, "token.created", "user:" + owner, "token '" + name + "' (" + token.substring(0, 10)
                + "…), expires " + expires + ", " + scope.describe());
        return new Issued(id, token, expires);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TokenSummary> mine() {
        return jdbc.query(SELECT + "where u.username = ? order by t.id desc", this::summary, currentUser());
    }

    @Override
    @Transactional(readOnly = true)
    public List<TokenSummary> all() {
        return jdbc.query(SELECT + "order by t.id desc", this::summary);
    }

    @Override
    public void revoke(long id) {
        var token = find(id).orElseThrow(() -> new NotFoundException("There is no token #" + id + "."));
        String actor = currentUser();
        boolean admin = securityContext.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!token.owner().equals(actor) && !admin) {
            throw new AccessDeniedException("Only its owner or an admin may revoke a token.");
        }
        if (limited.readOnly() || limited.teamScope().isPresent()) {
            throw new AccessDeniedException("A token limited to one team or to reading cannot revoke tokens: sign in "
                    + "(plate login, or the browser) to revoke one.");
        }
        if (jdbc.update("update api_token set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), id) == 1) {
            audit.record(actor, "token.revoked", "user:" + token.owner(), "token '" + token.name() + "' ("
                    + token.prefix() + "…)");
        }
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var rows = jdbc.query("select t.id, u.username, u.role, t.last_used_at, t.team, t.read_only from api_token t "
                + "join plate_user u on u.id = t.user_id where t.token_hash = ? and t.revoked_at is null and "
                + "t.expires_at > ? and u.enabled = true and (u.access_ended_at is null or t.created_at > "
                // Revoked when access ends (EndedAccess); this also refuses one made while the disable committed.
                + "u.access_ended_at)", (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
                Role.valueOf(rs.getString(3)), Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant),
                new Scope(Optional.ofNullable(rs.getString(5)), rs.getBoolean(6))), hash(token), Timestamp.from(now));
        return rows.stream().findFirst().map(row -> {
            if (row.lastUsed().map(last -> last.isBefore(now.minusSeconds(60))).orElse(true)) {
                jdbc.update("update api_token set last_used_at = ? where id = ?", Timestamp.from(now), row.id());
            }
            var authorities = authorities(row.role(), row.scope());
            var principal = new User(row.username(), "", authorities);
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        });
    }

    private record Row(long id, String username, Role role, Optional<Instant> lastUsed, Scope scope) {}

    /** The owner's role, never more: read-only is a VIEWER's; one team's token holds no Plate-wide administration. */
    private static List<SimpleGrantedAuthority> authorities(Role owner, Scope scope) {
        Role role = scope.readOnly() ? Role.VIEWER : scope.team().isPresent() && owner == Role.ADMIN ? Role.MAINTAINER
                : owner;
        var authorities = new java.util.ArrayList<>(role.grantedAuthorities().stream().map(SimpleGrantedAuthority::new)
                .toList());
        scope.team().ifPresent(team -> authorities.add(new SimpleGrantedAuthority(
                dev.plate.security.CurrentUser.TEAM_SCOPE + team)));
        if (scope.readOnly()) {
            authorities.add(new SimpleGrantedAuthority(dev.plate.security.CurrentUser.READ_ONLY));
        }
        return authorities;
    }

    private Optional<TokenSummary> find(long id) {
        return jdbc.query(SELECT + "where t.id = ?", this::summary, id).stream().findFirst();
    }

    private TokenSummary summary(ResultSet rs, int row) throws SQLException {
        return new TokenSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant),
                new Scope(Optional.ofNullable(rs.getString(9)), rs.getBoolean(10)));
    }

    private String currentUser() {
        return securityContext.getContext().getAuthentication().getName();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
