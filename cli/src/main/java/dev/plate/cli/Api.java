package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plate's {@code /api/v1} over plain {@link HttpURLConnection} (quick to load, which matters for a CLI; it streams
 * too, so {@code plate logs} needs no other client). Every failure becomes a {@link CliException}, see
 * {@link ApiFailures}.
 */
public final class Api {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    static final int PAGE_SIZE = 500;
    /** The problem type of a name already taken (a project, environment or user). */
    static final String ALREADY_EXISTS = "urn:plate:problem:already-exists";

    private final String baseUrl;
    private final Optional<String> token;
    private final ApiFailures failures;

    public Api(String baseUrl, Optional<String> token) {
        this(baseUrl, token, new FlagNames());
    }

    private Api(String baseUrl, Optional<String> token, FlagNames flagNames) {
        this.baseUrl = normalize(baseUrl);
        this.token = token;
        this.failures = new ApiFailures(this.baseUrl, flagNames);
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

    /**
     * A GET whose answer is read as it comes ({@code plate logs}): the body, whose {@code close} ends the request.
     * Refusals are the same one-line failures as any request's; {@code accept} says what the answer should be, and
     * a problem document is always accepted. The read timeout outlasts the server's keep-alives, so a stream
     * silent for longer has broken.
     */
    public InputStream stream(String path, String accept) {
        var connection = open("GET", path, accept + ", application/problem+json");
        try {
            int status = connection.getResponseCode();
            if (status >= 400) {
                throw answer(connection, status);
            }
            if (!Optional.ofNullable(connection.getContentType()).orElse("").startsWith(accept)) {
                throw failures.notPlate(status);
            }
            return new java.io.FilterInputStream(connection.getInputStream()) {
                @Override
                public void close() {
                    connection.disconnect();
                }
            };
        } catch (IOException e) {
            connection.disconnect();
            throw failures.unreachable(e);
        } catch (RuntimeException e) {
            connection.disconnect();
            throw e;
        }
    }

    private Object send(String method, String path, Map<String, Object> body) {
        var connection = open(method, path, "application/json, application/problem+json");
        try {
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
            if (status >= 400) {
                throw answer(connection, status);
            }
            String contentType = Optional.ofNullable(connection.getContentType()).orElse("");
            String text = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (status == 204 || text.isEmpty()) {
                return null;
            }
            if (!contentType.contains("json")) {
                throw failures.notPlate(status);
            }
            return JSON.std.anyFrom(text);
        } catch (CliException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw failures.notPlate(200);
        } catch (IOException e) {
            throw failures.unreachable(e);
        } finally {
            connection.disconnect();
        }
    }

    private HttpURLConnection open(String method, String path, String accept) {
        try {
            var connection = (HttpURLConnection) URI.create(baseUrl + "/api/v1" + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", accept);
            connection.setRequestProperty("User-Agent", "plate-cli/" + Version.VERSION);
            token.ifPresent(t -> connection.setRequestProperty("Authorization", "Bearer " + t));
            return connection;
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "Cannot build a request for " + path + ": " + e.getMessage());
        } catch (IOException e) {
            throw failures.unreachable(e);
        }
    }

    /** The refusal an answer of status 400 or more stands for. */
    private CliException answer(HttpURLConnection connection, int status) throws IOException {
        String contentType = Optional.ofNullable(connection.getContentType()).orElse("");
        InputStream stream = connection.getErrorStream();
        String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        return failures.of(status, contentType, text);
    }
}
