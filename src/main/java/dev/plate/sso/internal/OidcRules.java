package dev.plate.sso.internal;

import dev.plate.base.ValidationException;
import dev.plate.sso.OidcProvider;
import dev.plate.security.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What Plate accepts as a sign-in provider's settings, with messages an administrator can act on. */
final class OidcRules {

    /** RFC 6749's scope-token characters. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");
    /** A provider's id is part of two addresses (its button's and its redirect URI). */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
    private static final int MAX_SECRET = 4096;
    private static final int MAX_GROUP = 255;

    private OidcRules() {}

    /** The checked configuration; an empty issuer means none. */
    static Optional<OidcConfig> check(OidcProvider provider, Optional<String> savedSecret) {
        String issuer = strip(provider.issuerUrl());
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        requireIssuer(issuer);
        String id = id(provider.id());
        String name = strip(provider.name()).isEmpty() ? "Single sign-on" : strip(provider.name());
        if (name.length() > 64 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "The button's name is one line of at most 64 characters.");
        }
        String clientId = strip(provider.clientId());
        if (clientId.isEmpty() || clientId.length() > 255 || clientId.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ValidationException("clientId", "Enter the client id the provider gave Plate's client (one word, "
                    + "at most 255 characters).");
        }
        Optional<String> secret = provider.clientSecret().map(String::strip).filter(s -> !s.isEmpty()).or(() -> savedSecret);
        if (secret.isPresent() && (secret.get().length() > MAX_SECRET
                || secret.get().chars().anyMatch(c -> c < ' ' || c == 0x7f))) {
            throw new ValidationException("clientSecret", "A client secret is one line of at most 4 KB.");
        }
        String claim = strip(provider.groupsClaim()).isEmpty() ? "groups" : strip(provider.groupsClaim());
        if (!CLAIM.matcher(claim).matches()) {
            throw new ValidationException("groupsClaim", "'" + claim + "' is not a claim name: letters, digits and "
                    + "'_', '.', ':', '/', '-', at most 128.");
        }
        return Optional.of(new OidcConfig(id, name, issuer, clientId, secret, scopes(provider.scopes()), claim,
                groupRoles(provider.groupRoles()), provider.defaultRole()));
    }

    /** The id as given, checked; empty is the first provider's. */
    static String id(String raw) {
        String id = strip(raw).isEmpty() ? OidcProvider.FIRST : strip(raw);
        if (!ID.matcher(id).matches()) {
            throw new ValidationException("id", "'" + id + "' is not a provider id: a lower-case letter, then up to 31 "
                    + "lower-case letters, digits or '-' (it becomes part of Plate's redirect URI, e.g. keycloak).");
        }
        return id;
    }

    static void requireIssuer(String issuer) {
        try {
            URI uri = new URI(issuer);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(issuer, "not an http(s) address of a host");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("issuerUrl", "'" + issuer + "' is not an issuer URL: write it as the provider "
                    + "names itself, e.g. https://keycloak.example.com/realms/acme (no user, query or fragment).");
        }
    }

    /** {@code openid} first, always; the rest as given, each once. */
    static List<String> scopes(String raw) {
        var scopes = new ArrayList<String>();
        scopes.add("openid");
        for (String scope : strip(raw).split("[\\s,]+")) {
            if (scope.isEmpty() || scopes.contains(scope)) {
                continue;
            }
            if (!SCOPE.matcher(scope).matches()) {
                throw new ValidationException("scopes", "'" + scope + "' is not a scope: scopes are separated by spaces "
                        + "and contain no quotes or backslashes.");
            }
            scopes.add(scope);
        }
        if (scopes.size() > 20) {
            throw new ValidationException("scopes", "At most 20 scopes.");
        }
        return List.copyOf(scopes);
    }

    /**
     * Lines (or, in one environment variable, entries separated by ';') of {@code group = ROLE}. The last '='
     * separates and commas are no separator, because group names may hold both (an LDAP DN: cn=ops,ou=groups).
     */
    static Map<String, Role> groupRoles(String raw) {
        var mappings = new LinkedHashMap<String, Role>();
        for (String entry : strip(raw).split("[\\n;]")) {
            String line = entry.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int separator = line.lastIndexOf('=');
            String group = separator < 0 ? "" : line.substring(0, separator).strip();
            String roleName = separator < 0 ? "" : line.substring(separator + 1).strip().toUpperCase(Locale.ROOT);
            if (group.isEmpty() || group.length() > MAX_GROUP || group.codePoints().anyMatch(Character::isISOControl)) {
                throw new ValidationException("groupRoles", "'" + line + "' is not a mapping: write one per line as "
                        + "group = ROLE, e.g. plate-admins = ADMIN.");
            }
            Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(roleName)).findFirst()
                    .orElseThrow(() -> new ValidationException("groupRoles", "'" + line + "': the role must be one of "
                            + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")) + "."));
            if (mappings.put(group, role) != null) {
                throw new ValidationException("groupRoles", "The group '" + group + "' is mapped twice: keep one line.");
            }
        }
        return mappings;
    }

    /** The form's text for a mapping, one {@code group = ROLE} per line. */
    static String format(Map<String, Role> groupRoles) {
        return groupRoles.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue().name())
                .collect(Collectors.joining("\n"));
    }

    /** {@code NONE} or empty: no access for people none of whose groups is mapped. */
    static Optional<Role> defaultRole(String raw) {
        String name = strip(raw).toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("NONE")) {
            return Optional.empty();
        }
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst()
                .or(() -> {
                    throw new ValidationException("defaultRole", "'" + raw + "' is not a role: NONE, VIEWER, DEVELOPER, "
                            + "MAINTAINER or ADMIN.");
                });
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
