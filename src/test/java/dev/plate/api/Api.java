package dev.plate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plate.security.NewUser;
import dev.plate.security.Role;
import dev.plate.security.UserService;
import dev.plate.settings.Settings;
import dev.plate.support.SignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to the test server's {@code /api}, as the CLI makes them, plus the accounts and tokens the API
 * tests sign in with. Redirects are not followed, so a test sees exactly what the server answered.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "a-long-enough-password-1";
    /** What the API answers for anything unforeseen; a refusal of bad input must never be this. */
    static final String UNFORESEEN = "Plate could not complete this request";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    record Account(long id, String username, String password) {}

    HttpResponse<String> get(String path, String bearer) {
        return send("GET", path, bearer, null, null);
    }

    /** Where this client's requests come from, as the server sees them. */
    final String address = dev.plate.support.TestAddresses.next();

    HttpResponse<String> post(String path, String bearer, String json) {
        return send("POST", path, bearer, "application/json", json);
    }

    HttpResponse<String> delete(String path, String bearer) {
        return send("DELETE", path, bearer, null, null);
    }

    /** {@code contentType} and {@code body} may be null: no header, no body. */
    HttpResponse<String> send(String method, String path, String bearer, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        request.header("X-Forwarded-For", address);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /api/v1/login}; the login token, failing the test if the login is refused. */
    String login(String username, String password) {
        var response = post("/api/v1/login", null, "{\"username\":" + quote(username) + ",\"password\":"
                + quote(password) + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("token").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A JSON string literal, escaped by the JSON library. */
    static String quote(String value) {
        return JSON.writeValueAsString(value);
    }

    /** A new account of the given role with {@link #PASSWORD}, created by the built-in admin. */
    static Account newAccount(UserService users, SecurityContextHolderStrategy securityContext, String prefix,
            Role role) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        SignIn.as(securityContext, "admin", Role.ADMIN);
        try {
            return new Account(users.createUser(new NewUser(name, name, role, PASSWORD)).id(), name, PASSWORD);
        } finally {
            securityContext.clearContext();
        }
    }

    /**
     * The key Plate signs login tokens with, as it stores it. It is created on first use, so call this after a
     * login.
     */
    static byte[] signingKey(Settings settings) {
        return HexFormat.of().parseHex(settings.get("api.login.signing-key").orElseThrow());
    }

    /**
     * A token Plate issued, its claims changed by {@code change} and signed again with {@code key}: with the real
     * key and no change, a token Plate accepts; so a refusal of a changed one is down to the change alone.
     */
    static String resign(byte[] key, String issued, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            return hs256(key, change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(issued).getJWTClaimsSet()))
                    .build());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("Not a JWT: " + issued, e);
        }
    }

    static Date inSeconds(long seconds) {
        return Date.from(Instant.now().plusSeconds(seconds));
    }

    static String hs256(byte[] key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
