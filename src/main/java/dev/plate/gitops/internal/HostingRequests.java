package dev.plate.gitops.internal;

import dev.plate.base.ValidationException;
import dev.plate.gitea.GiteaConnection;
import dev.plate.gitea.GiteaException;
import dev.plate.gitea.GiteaHost;
import dev.plate.gitops.RepositoryHosting.Mode;
import dev.plate.gitops.RepositoryHosting.Request;
import dev.plate.gitops.internal.SavedPlace.Place;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** An admin's choice of place, validated field by field, with saved tokens filled in for the same server only. */
final class HostingRequests {

    /** Gitea's rule for user and organisation names. */
    private static final Pattern GITEA_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,39}");
    private static final Pattern TOKEN_TEXT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private HostingRequests() {}

    /**
     * @param knownHost the Gitea in use or configured for a server address, whose tokens may be kept when the admin
     *     leaves them empty (never sent to another server)
     */
    static Place complete(Request request, Function<String, Optional<GiteaHost>> knownHost, Duration timeout) {
        if (request.mode() == null) {
            throw new ValidationException("mode", "Choose where the config repository lives: Plate's embedded Git "
                    + "server or a Gitea organisation.");
        }
        if (request.mode() == Mode.EMBEDDED) {
            return Place.EMBEDDED;
        }
        String url = giteaUrl(request.url());
        String organisation = blankToEmpty(request.organisation());
        if (!GITEA_NAME.matcher(organisation).matches()) {
            throw new ValidationException("organisation", organisation.isEmpty()
                    ? "Enter the Gitea organisation the config repository belongs to."
                    : "Not a Gitea organisation name: letters, digits, '_', '-' and '.', at most 40.");
        }
        var known = knownHost.apply(url);
        String token = given(request.token()).or(() -> known.map(h -> h.connection().token()).filter(t -> !t.isBlank()))
                .orElseThrow(() -> new ValidationException("token", "Enter an access token of a Gitea user who "
                        + "may create and write repositories in " + organisation + "."));
        requireToken("token", token);
        String readUsername = blankToEmpty(request.readUsername());
        Optional<String> readToken = given(request.readToken())
                .or(() -> known.filter(h -> !readUsername.isEmpty()).flatMap(GiteaHost::readCredential));
        if (readUsername.isEmpty() != readToken.isEmpty()) {
            throw new ValidationException(readUsername.isEmpty() ? "readUsername" : "readToken",
                    "Give both the Gitea user Argo CD reads with and its token, or neither.");
        }
        if (!readUsername.isEmpty() && !GITEA_NAME.matcher(readUsername).matches()) {
            throw new ValidationException("readUsername", "Not a Gitea user name: letters, digits, '_', '-' and '.'.");
        }
        readToken.ifPresent(value -> requireToken("readToken", value));
        return new Place(Mode.GITEA, Optional.of(new GiteaHost(new GiteaConnection(url, organisation, token,
                timeout), readUsername, readToken.orElse(""))));
    }

    private static String giteaUrl(String value) {
        String url = blankToEmpty(value).replaceAll("/+$", "").replaceAll("/api/v1$", "");
        if (url.isEmpty()) {
            throw new ValidationException("url", "Enter the address of the Gitea server, e.g. https://gitea.example.com.");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())
                    || uri.getHost() == null) {
                throw new ValidationException("url", "Enter the server's address with http:// or https://, e.g. "
                        + "https://gitea.example.com.");
            }
            if (uri.getRawUserInfo() != null) {
                throw new ValidationException("url", "Leave credentials out of the address: the token goes below.");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ValidationException("url", "The address of the Gitea server has no '?' or '#' part.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ValidationException("url", "Not a web address: " + e.getReason() + ".");
        }
    }

    private static void requireToken(String field, String token) {
        if (!TOKEN_TEXT.matcher(token).matches()) {
            throw new ValidationException(field, "A Gitea token is up to 255 visible characters, no spaces.");
        }
    }

    private static Optional<String> given(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::strip).filter(text -> !text.isEmpty());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    /** Gitea's answer as a message next to the field it concerns, nothing saved. */
    static ValidationException refusal(GiteaException e) {
        String field = switch (e.status()) {
            case 401 -> "token";
            case 403, 404 -> "organisation";
            default -> "url";
        };
        return new ValidationException(field, e.getMessage());
    }
}
