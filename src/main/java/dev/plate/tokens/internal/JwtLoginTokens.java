package dev.plate.tokens.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.plate.audit.AuditLog;
import dev.plate.security.Role;
import dev.plate.security.SecurityProperties;
import dev.plate.settings.Settings;
import dev.plate.tokens.LoginTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HS256-signed JWTs. The 256-bit key is generated once and stored sealed in the settings table, so every
 * instance signs and checks with the same key and a restart does not log anyone out; there is no key to
 * configure. The signature, issuer and expiry are checked first (no database work for a forged token), then the
 * account: it must still exist and be enabled, and its current role is the one that counts. A token also carries
 * a keyed fingerprint of the account's password hash and of when its access was last ended, so a reset or changed
 * password, and a disable or suspension, end the tokens issued before, as they end the account's browser sessions;
 * enabling the account again does not revive them. A fingerprint rather than comparing the token's issued-at with
 * that moment: issued-at has whole seconds, and a login made in the second of a disable and re-enable must work
 * while one made before it must not. See docs/adr/0007-login-tokens.md.
 */
@Service
class JwtLoginTokens implements LoginTokens {

    static final String ISSUER = "plate";
    static final String KEY_SETTING = "api.login.signing-key";
    static final String PASSWORD_CLAIM = "pwd";

    private final AuthenticationProvider passwords;
    private final Settings settings;
    private final JdbcTemplate jdbc;
    private final SecurityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile Codec codec;

    JwtLoginTokens(AuthenticationProvider passwords, Settings settings, JdbcTemplate jdbc,
            SecurityProperties properties, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.passwords = passwords;
        this.settings = settings;
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    private record Codec(SecretKey key, JwtEncoder encoder, JwtDecoder decoder) {}

    /** @param fingerprint of the credentials a token must have been issued under: see {@link #fingerprint} */
    private record Account(Role role, String fingerprint) {}

    @Override
    public IssuedToken issue(String username, String password) {
        var authenticated = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                username == null ? "" : username, password == null ? "" : password));
        return issueTo(authenticated.getName(), "API login token");
    }

    /**
     * A token for an account already proven some other way (a browser sign-in handed to the CLI); never for a request
     * that only names the account.
     */
    IssuedToken issueTo(String name, String how) {
        Account account = account(name).orElseThrow(() -> new org.springframework.security.authentication
                .DisabledException("This account is disabled."));
        Role role = account.role();
        var now = clock.instant();
        var expires = now.plus(properties.loginTokenLifetime());
        var claims = JwtClaimsSet.builder().issuer(ISSUER).subject(name).issuedAt(now).expiresAt(expires)
                .id(UUID.randomUUID().toString()).claim("role", role.name())
                .claim(PASSWORD_CLAIM, account.fingerprint()).build();
        String token = codec().encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims)).getTokenValue();
        // Not one transaction around the password check: a failed attempt must stay counted when this throws.
        transaction.executeWithoutResult(status -> audit.record(name, "login.token-issued", "user:" + name, how
                + ", expires " + expires));
        return new IssuedToken(token, name, role, expires);
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (token == null || token.length() > 4096 || token.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        Jwt jwt;
        try {
            jwt = codec().decoder().decode(token);
        } catch (JwtException e) {
            return Optional.empty();
        }
        String username = jwt.getSubject();
        String fingerprint = jwt.getClaimAsString(PASSWORD_CLAIM);
        return account(username).filter(account -> fingerprint != null && MessageDigest.isEqual(
                account.fingerprint().getBytes(StandardCharsets.US_ASCII),
                fingerprint.getBytes(StandardCharsets.US_ASCII))).map(Account::role).map(role -> {
            var authorities = role.grantedAuthorities().stream().map(SimpleGrantedAuthority::new).toList();
            return UsernamePasswordAuthenticationToken.authenticated(new User(username, "", authorities), null,
                    authorities);
        });
    }

    private Optional<Account> account(String username) {
        List<Account> accounts = jdbc.query("select role, password_hash, access_ended_at from plate_user where "
                + "username = ? and enabled = true", (row, i) -> new Account(Role.valueOf(row.getString("role")),
                        fingerprint(row.getString("password_hash"), Optional.ofNullable(row.getTimestamp(
                                "access_ended_at")).map(java.sql.Timestamp::toInstant))), username);
        return accounts.stream().findFirst();
    }

    /**
     * Keyed, so the token (readable by whoever holds it) tells nothing about the hash. An account whose access was
     * never ended has the fingerprint of its password hash alone, as before that moment was recorded, so tokens
     * issued then stay valid.
     */
    private String fingerprint(String passwordHash, Optional<java.time.Instant> accessEndedAt) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(codec().key());
            String credentials = accessEndedAt.map(ended -> passwordHash + "\naccess ended " + ended)
                    .orElse(passwordHash);
            byte[] digest = mac.doFinal(credentials.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Codec codec() {
        var known = codec;
        if (known == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String hex = settings.putIfAbsent(KEY_SETTING, HexFormat.of().formatHex(random), true, "plate");
            SecretKey key = new SecretKeySpec(HexFormat.of().parseHex(hex), "HmacSHA256");
            var decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
            var timestamps = new JwtTimestampValidator(java.time.Duration.ofSeconds(30));
            timestamps.setClock(clock);
            // Plate always sets an expiry; a token without one must not be valid for ever.
            timestamps.setAllowEmptyExpiryClaim(false);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
            known = new Codec(key, new NimbusJwtEncoder(new ImmutableSecret<>(key)), decoder);
            codec = known;
        }
        return known;
    }
}
