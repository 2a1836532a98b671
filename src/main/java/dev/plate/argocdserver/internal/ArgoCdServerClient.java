package dev.plate.argocdserver.internal;

import dev.plate.base.UnavailableException;
import dev.plate.argocdserver.ClusterEvent;
import dev.plate.argocdserver.LogQuery;
import dev.plate.argocdserver.LogStream;
import dev.plate.argocdserver.ResourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Argo CD's API server over the JDK's HTTP client, with an account token ({@code Authorization: Bearer}). Only the
 * read endpoints of its published API (swagger.json): the resource tree with the Application's sync status, events
 * and pod logs, and who the token is.
 */
@Component
class ArgoCdServerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofSeconds(15);

    /** One client per trust (the JDK's, or one CA bundle): clients are costly, and keep their connections. */
    private final Map<Optional<String>, HttpClient> clients = new ConcurrentHashMap<>();

    /** The token's Argo CD user, proving the server answers, TLS is trusted and the token accepted. */
    String whoAmI(ServerEndpoint endpoint) {
        JsonNode info = get(endpoint, "/api/v1/session/userinfo", "read who the token is");
        if (!info.path("loggedIn").asBoolean(false)) {
            throw new UnavailableException("Argo CD at " + endpoint.url() + " does not accept the token (not logged "
                    + "in). Create an account token with `argocd account generate-token`.", RETRY);
        }
        return info.path("username").asString("");
    }

    ResourceTree tree(ServerEndpoint endpoint, String application) {
        JsonNode tree = get(endpoint, "/api/v1/applications/" + segment(application) + "/resource-tree",
                "read the resources of " + application);
        // The tree has health only; sync is in the Application's status, per resource it manages.
        var sync = ArgoCdJson.syncStatuses(get(endpoint, "/api/v1/applications/" + segment(application),
                "read the sync status of " + application));
        var resources = new ArrayList<ResourceTree.Resource>();
        for (JsonNode node : tree.path("nodes")) {
            var resource = ArgoCdJson.resource(node);
            resources.add(resource.withSync(sync.getOrDefault(ArgoCdJson.key(resource.group(), resource.kind(),
                    resource.namespace(), resource.name()), "")));
        }
        return new ResourceTree(application, List.copyOf(resources));
    }

    /** The Application's own events, or one resource's (Argo CD needs its name, namespace and uid). */
    List<ClusterEvent> events(ServerEndpoint endpoint, String application, Optional<ResourceTree.Resource> resource) {
        var query = new LinkedHashMap<String, String>();
        resource.ifPresent(r -> {
            query.put("resourceName", r.name());
            query.put("resourceNamespace", r.namespace());
            query.put("resourceUID", r.uid());
        });
        JsonNode list = get(endpoint, "/api/v1/applications/" + segment(application) + "/events" + query(query),
                "read the events of " + resource.map(r -> r.kind() + " " + r.name()).orElse(application));
        var events = new ArrayList<ClusterEvent>();
        for (JsonNode item : list.path("items")) {
            events.add(ArgoCdJson.event(item));
        }
        return events;
    }

    /** Opens a log stream; the caller reads it on its own thread and closes it to stop (which cancels upstream). */
    LogStream logs(ServerEndpoint endpoint, String application, LogQuery logs) {
        var query = new LinkedHashMap<String, String>();
        logs.pod().ifPresent(pod -> query.put("podName", pod));
        logs.container().ifPresent(container -> query.put("container", container));
        if (logs.follow()) {
            query.put("follow", "true");
        }
        if (logs.previous()) {
            query.put("previous", "true");
        }
        logs.since().ifPresent(since -> query.put("sinceSeconds", String.valueOf(Math.max(1, since.toSeconds()))));
        logs.tail().ifPresent(tail -> query.put("tailLines", String.valueOf(tail)));
        logs.filter().ifPresent(filter -> query.put("filter", filter));
        String what = "read the logs of " + application;
        var request = request(endpoint, "/api/v1/applications/" + segment(application) + "/logs" + query(query));
        if (!logs.follow()) {
            request.timeout(Duration.ofMinutes(2));
        }
        // Not send(): Argo CD answers a followed stream's headers only with its first line.
        var response = client(endpoint).sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new HttpLogStream(response, answer -> {
            String body;
            try (InputStream in = answer.body()) {
                body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            return refusal(endpoint, answer.statusCode(), body, what);
        }, e -> failure(endpoint, e, what), endpoint.url());
    }

    private JsonNode get(ServerEndpoint endpoint, String pathAndQuery, String what) {
        HttpResponse<String> response = send(endpoint, request(endpoint, pathAndQuery).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(), what);
        if (response.statusCode() != 200) {
            throw refusal(endpoint, response.statusCode(), response.body(), what);
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new UnavailableException("Argo CD answered in a form Plate does not understand when trying to " + what
                    + ". Is " + endpoint.url() + " Argo CD's API server?", RETRY, e);
        }
    }

    private HttpRequest.Builder request(ServerEndpoint endpoint, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(endpoint.base() + pathAndQuery))
                .header("Authorization", "Bearer " + endpoint.token()).header("Accept", "application/json").GET();
    }

    private <T> HttpResponse<T> send(ServerEndpoint endpoint, HttpRequest request, HttpResponse.BodyHandler<T> body,
            String what) {
        try {
            return client(endpoint).send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while trying to " + what + ".", RETRY, e);
        } catch (IOException e) {
            throw failure(endpoint, e, what);
        }
    }

    /** Why Argo CD could not be asked, in words a person can act on. */
    private static UnavailableException failure(ServerEndpoint endpoint, Exception e, String what) {
        if (e instanceof HttpTimeoutException) {
            return new UnavailableException("Argo CD at " + endpoint.url() + " did not answer in time when trying to "
                    + what + ".", RETRY, e);
        }
        if (e instanceof ConnectException) {
            return new UnavailableException("Cannot reach Argo CD at " + endpoint.url() + " to " + what
                    + ": connection refused. Check the URL and that argocd-server is running.", RETRY, e);
        }
        if (e instanceof SSLException) {
            return new UnavailableException("Argo CD at " + endpoint.url() + " presents a certificate Plate does not "
                    + "trust (" + e.getMessage() + "). Add its CA bundle in Admin → Integrations.", RETRY, e);
        }
        return new UnavailableException("Cannot reach Argo CD at " + endpoint.url() + " to " + what + ": "
                + e.getMessage(), RETRY, e);
    }

    private HttpClient client(ServerEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint.caBundle(), ca -> {
            var builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5));
            ca.ifPresent(pem -> builder.sslContext(TrustedCertificates.context(pem)));
            return builder.build();
        });
    }

    /** Argo CD's gateway answers errors as runtimeError {code, error, message}; say what to do about each. */
    private static UnavailableException refusal(ServerEndpoint endpoint, int status, String body, String what) {
        String detail = ArgoCdJson.errorMessage(body);
        String message = switch (status) {
            case 401 -> "Argo CD refused the token (401) when trying to " + what + ". Create a new account token "
                    + "(`argocd account generate-token`) and save it in Admin → Integrations.";
            case 400 -> detail.contains("max pods to view logs") ? "This app has more pods than Argo CD streams at once "
                    + "(server.maxPodLogsToRender in argocd-cm, 10 by default): choose one pod." : "Argo CD refused "
                    + "the request to " + what + " (400" + (detail.isEmpty() ? "" : ": " + detail) + ").";
            case 403 -> "Argo CD's account may not " + what + " (403 " + detail + "). Grant it get on applications "
                    + "and logs in Argo CD's RBAC (argocd-rbac-cm).";
            case 404 -> "Argo CD found nothing when trying to " + what + " (404). Is " + endpoint.url()
                    + " Argo CD's API server, and does the Application exist?";
            default -> "Argo CD answered " + status + " when trying to " + what + (detail.isEmpty() ? "" : ": " + detail)
                    + ".";
        };
        return new UnavailableException(message, RETRY);
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        var joined = new StringBuilder("?");
        parameters.forEach((name, value) -> joined.append(joined.length() > 1 ? "&" : "").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return joined.toString();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
