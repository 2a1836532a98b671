package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Plate's {@code /api/v1} over plain {@link HttpURLConnection} (quick to load, which matters for a CLI). Every
 * failure becomes a {@link CliException}: the server's RFC 9457 {@code detail} when there is one (the field it
 * refuses said as the command's flag, see {@link FlagNames}), with the exit code its status means.
 */
public final class Api {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    static final int PAGE_SIZE = 500;
    /** The problem type of a name already taken (a project, environment or user). */
    static final String ALREADY_EXISTS = "urn:plate:problem:already-exists";

    private final String baseUrl;
    private final Optional<String> token;
    private final FlagNames flagNames;

    public Api(String baseUrl, Optional<String> token) {
        this(baseUrl, token, new FlagNames());
    }

    private Api(String baseUrl, Optional<String> token, FlagNames flagNames) {
        this.baseUrl = normalize(baseUrl);
        this.token = token;
        this.flagNames = flagNames;
    }

    /** This client, with refusals that name the command's flags rather than the API's fields. */
    Api naming(FlagNames names) {
        return new Api(baseUrl, token, names);
    }

    /** The client for the configured server and login; refuses early, without a request, when there is none. */
    public static Api from(Config config) {
        String url = config.url().orElseThrow(() -> new CliException(ExitCode.AUTH,
                "Not logged in: run `plate login <url>` (or set PLATE_URL and PLATE_TOKEN)."));
        var token = config.token();
        if (token.isEmpty()) {
            throw new CliException(ExitCode.AUTH, "Not logged in to " + url + ": run `plate login` (or set PLATE_TOKEN).");
        }
        return new Api(url, token);
    }

    /** {@code https://plate.example.com/} → {@code https://plate.example.com}; refuses what is not an http(s) URL. */
    public static String normalize(String url) {
        String value = url == null ? "" : url.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            var uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            if (uri.getUserInfo() != null) {
                throw new CliException(ExitCode.USAGE, "Leave the credentials out of the URL; `plate login` asks for them.");
            }
        } catch (URISyntaxException e) {
            throw new CliException(ExitCode.USAGE, "'" + value + "' is not Plate's address: give it as "
                    + "https://plate.example.com (or http://localhost:8080).");
        }
        return value;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Object get(String path) {
        return send("GET", path, null);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> getObject(String path) {
        return (Map<String, Object>) get(path);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String path) {
        return (List<Map<String, Object>>) get(path);
    }

    /** Every page of a paged list ({@code /projects}), in order: the server gives at most {@link #PAGE_SIZE} at once. */
    public List<Map<String, Object>> getAll(String path) {
        var all = new java.util.ArrayList<Map<String, Object>>();
        for (int page = 1; ; page++) {
            var items = getList(path + (path.contains("?") ? "&" : "?") + "size=" + PAGE_SIZE + "&page=" + page);
            // A server from before paging answers every page with the whole list: its first page is all there is.
            boolean unpaged = page > 1 && !items.isEmpty() && items.get(0).equals(all.get(0));
            if (unpaged || page == 1 && items.size() > PAGE_SIZE) {
                return page == 1 ? items : all;
            }
            all.addAll(items);
            if (items.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> post(String path, Map<String, Object> body) {
        return (Map<String, Object>) send("POST", path, body);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> put(String path, Map<String, Object> body) {
        return (Map<String, Object>) send("PUT", path, body);
    }

    public void delete(String path) {
        send("DELETE", path, null);
    }

    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Object send(String method, String path, Map<String, Object> body) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) URI.create(baseUrl + "/api/v1" + path).toURL().openConnection();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "Cannot build a request for " + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw unreachable(e);
        }
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json, application/problem+json");
            connection.setRequestProperty("User-Agent", "plate-cli/" + Version.VERSION);
            token.ifPresent(t -> connection.setRequestProperty("Authorization", "Bearer " + t));
            if (body != null) {
                byte[] bytes = JSON.std.asBytes(body);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                // Not streamed: a streamed request's error answer (a refused login, 401) comes without its body,
                // and the body says why ("Wrong username or password.", "locked until …").
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            String contentType = Optional.ofNullable(connection.getContentType()).orElse("");
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                throw failure(status, contentType, text);
            }
            if (status == 204 || text.isEmpty()) {
                return null;
            }
            if (!contentType.contains("json")) {
                throw notPlate(status);
            }
            return JSON.std.anyFrom(text);
        } catch (CliException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw notPlate(200);
        } catch (IOException e) {
            throw unreachable(e);
        } finally {
            connection.disconnect();
        }
    }

    private CliException failure(int status, String contentType, String text) {
        String detail = null;
        String type = "";
        if (contentType.contains("json")) {
            try {
                Object problem = JSON.std.anyFrom(text);
                String field = problem instanceof Map<?, ?> map && map.get("field") instanceof String f ? f : null;
                if (problem instanceof Map<?, ?> map && map.get("detail") instanceof String d && !d.isBlank()) {
                    detail = flagNames.inDetail(field, d);
                }
                if (problem instanceof Map<?, ?> map && map.get("type") instanceof String t) {
                    type = t;
                }
            } catch (IOException | RuntimeException e) {
                // fall through: not a problem document
            }
        }
        if (detail == null && status != 401) {
            return status >= 500 ? new CliException(ExitCode.ERROR, "Plate at " + baseUrl + " failed (HTTP " + status
                    + "); its log has the details.") : notPlate(status);
        }
        return switch (status) {
            case 400, 413, 415, 422 -> new CliException(ExitCode.USAGE, detail);
            case 401 -> new CliException(ExitCode.AUTH, detail == null ? "Plate refused the login: run `plate login`."
                    : detail);
            case 403, 429 -> new CliException(ExitCode.AUTH, detail); // 429: too many failed sign-ins
            case 404 -> new CliException(ExitCode.NOT_FOUND, detail);
            // 7 only for a name already taken: other conflicts (outside edits, a retry refused) are errors.
            case 409 -> new CliException(type.equals(ALREADY_EXISTS) ? ExitCode.CONFLICT : ExitCode.ERROR, detail);
            default -> new CliException(ExitCode.ERROR, detail);
        };
    }

    private CliException notPlate(int status) {
        return new CliException(ExitCode.ERROR, "The server at " + baseUrl + " answered something that is not "
                + "Plate's API (HTTP " + status + "): is this Plate's address?");
    }

    private CliException unreachable(IOException e) {
        String reason;
        if (e instanceof UnknownHostException) {
            reason = "unknown host " + e.getMessage();
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            reason = "connection refused";
        } else if (e instanceof SocketTimeoutException) {
            reason = "no answer in time";
        } else if (e instanceof SSLException) {
            reason = "TLS failed: " + e.getMessage();
        } else {
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new CliException(ExitCode.UNREACHABLE, "Cannot reach Plate at " + baseUrl + " (" + reason + ").");
    }
}
