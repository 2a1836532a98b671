package dev.plate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that does not follow redirects, so tests see exactly what a browser would be
 * told: where it is sent next and which cookies it gets.
 */
public final class HttpSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Where this browser's requests come from, as the server sees them. */
    private final String address = TestAddresses.next();

    /** The address this browser's requests come from (as a proxy in front of Plate says). */
    public String address() {
        return address;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", address).GET().build());
    }

    public HttpResponse<String> get(String url, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", address).header(header, value)
                .GET().build());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Loads the login page and returns the CSRF token Vaadin put into it. */
    public String csrfTokenFrom(String pageUrl) {
        var page = get(pageUrl);
        var matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in " + pageUrl + " (HTTP " + page.statusCode() + ")");
        }
        return matcher.group(1);
    }

    /** Signs in through the real login form; returns the response to the form post. */
    public HttpResponse<String> login(String baseUrl, String username, String password) {
        String token = csrfTokenFrom(baseUrl + "/login");
        return postForm(baseUrl + "/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Keeps only the named cookie, as a browser reaching another instance would present only that one. */
    public static HttpSession withOnlyCookie(String name, String value, String baseUrl) {
        var session = new HttpSession();
        session.addCookie(name, value, baseUrl);
        return session;
    }

    public void addCookie(String name, String value, String baseUrl) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
