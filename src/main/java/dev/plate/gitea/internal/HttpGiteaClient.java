package dev.plate.gitea.internal;

import dev.plate.gitea.GiteaClient;
import dev.plate.gitea.GiteaConnection;
import dev.plate.gitea.GiteaException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Gitea's REST API v1 over the JDK's HTTP client; bodies built from maps by Jackson. */
@Component
class HttpGiteaClient implements GiteaClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public ServerInfo check(GiteaConnection connection) {
        String version = send(connection, "GET", "/version", null, "read Gitea's version").path("version").asString();
        String user = send(connection, "GET", "/user", null, "identify the token's user").path("login").asString();
        return new ServerInfo(version, user);
    }

    @Override
    public GiteaRepository ensureRepository(GiteaConnection connection, String name, String description) {
        String path = "/repos/" + segment(connection.organisation()) + "/" + segment(name);
        Optional<JsonNode> existing = find(connection, path, "look up repository " + name);
        if (existing.isPresent()) {
            return repository(existing.get(), false);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("description", description);
        body.put("private", true);
        body.put("auto_init", false);
        body.put("default_branch", "main");
        JsonNode created = send(connection, "POST", "/orgs/" + segment(connection.organisation()) + "/repos", body,
                "create repository " + name + " in organisation " + connection.organisation());
        return repository(created, true);
    }

    @Override
    public void checkOrganisation(GiteaConnection connection) {
        send(connection, "GET", "/orgs/" + segment(connection.organisation()), null,
                "read organisation " + connection.organisation());
    }

    @Override
    public Optional<GiteaRepository> findRepository(GiteaConnection connection, String name) {
        return find(connection, "/repos/" + segment(connection.organisation()) + "/" + segment(name),
                "look up repository " + name).map(node -> repository(node, false));
    }

    @Override
    public void deleteRepository(GiteaConnection connection, String name) {
        send(connection, "DELETE", "/repos/" + segment(connection.organisation()) + "/" + segment(name), null,
                "delete repository " + name);
    }

    @Override
    public Hook ensurePushWebhook(GiteaConnection connection, String repository, String url, String secret,
            String type) {
        String path = "/repos/" + segment(connection.organisation()) + "/" + segment(repository) + "/hooks";
        JsonNode hooks = send(connection, "GET", path + "?limit=50", null, "list the webhooks of " + repository);
        for (JsonNode hook : hooks) {
            if (url.equals(hook.path("config").path("url").asString())) {
                return new Hook(hook.path("id").asLong(), url, hook.path("type").asString(), false);
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("config", Map.of("url", url, "content_type", "json", "secret", secret));
        body.put("events", List.of("push"));
        body.put("active", true);
        body.put("branch_filter", "main");
        JsonNode created = send(connection, "POST", path, body, "add a webhook to " + repository);
        return new Hook(created.path("id").asLong(), url, type, true);
    }

    private static GiteaRepository repository(JsonNode node, boolean created) {
        return new GiteaRepository(node.path("full_name").asString(), node.path("clone_url").asString(),
                node.path("html_url").asString(), node.path("default_branch").asString(), node.path("empty").asBoolean(),
                created);
    }

    private Optional<JsonNode> find(GiteaConnection connection, String path, String what) {
        try {
            return Optional.of(send(connection, "GET", path, null, what));
        } catch (GiteaException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private JsonNode send(GiteaConnection connection, String method, String path, Object body, String what) {
        var request = HttpRequest.newBuilder(uri(connection, path)).timeout(connection.timeout())
                .header("Authorization", "token " + connection.token()).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new GiteaException(0, "Gitea at " + connection.baseUrl() + " did not answer within "
                    + connection.timeout().toSeconds() + " s when trying to " + what + ".", e);
        } catch (ConnectException e) {
            throw new GiteaException(0, "Cannot reach Gitea at " + connection.baseUrl() + " to " + what
                    + ": connection refused. Check the URL and that Gitea is running.", e);
        } catch (IOException e) {
            throw new GiteaException(0, "Cannot reach Gitea at " + connection.baseUrl() + " to " + what + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GiteaException(0, "Interrupted while trying to " + what + " on Gitea.", e);
        }
        return GiteaResponses.read(response, connection, what);
    }

    private static URI uri(GiteaConnection connection, String path) {
        String base = connection.baseUrl().replaceAll("/+$", "");
        return URI.create(base + "/api/v1" + path);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Turns Gitea's answers into data or into a message a person can act on. */
    static final class GiteaResponses {

        private GiteaResponses() {}

        static JsonNode read(HttpResponse<String> response, GiteaConnection connection, String what) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                try {
                    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                } catch (JacksonException e) {
                    throw new GiteaException(status, "Gitea answered in a form Plate does not understand when trying "
                            + "to " + what + ". Is " + connection.baseUrl() + " a Gitea server?", e);
                }
            }
            String detail = message(response.body());
            String message = switch (status) {
                case 401 -> "Gitea refused the access token (401) when trying to " + what
                        + ". Check the token in the Gitea settings.";
                case 403 -> "The token's user may not " + what + " (403). Give it write access to organisation "
                        + connection.organisation() + ".";
                case 404 -> "Gitea found nothing when trying to " + what + " (404). Check the organisation '"
                        + connection.organisation() + "' exists and the token's user can see it.";
                case 409 -> "Gitea says it already exists (409) when trying to " + what + detail;
                case 422 -> "Gitea rejected the request to " + what + " (422)" + detail;
                default -> status >= 500 ? "Gitea failed (" + status + ") when trying to " + what + detail
                        + ". Try again later or check Gitea's logs."
                        : "Gitea answered " + status + " when trying to " + what + detail;
            };
            throw new GiteaException(status, message, null);
        }

        /** Gitea's APIError carries a message; quote it (bounded) when there is one. */
        private static String message(String body) {
            try {
                String text = JSON.readTree(body).path("message").asString();
                if (text.isBlank()) {
                    return "";
                }
                return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text).replaceAll("\\p{Cntrl}", " ");
            } catch (JacksonException | IllegalArgumentException e) {
                return "";
            }
        }
    }
}
