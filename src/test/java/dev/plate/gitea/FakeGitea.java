package dev.plate.gitea;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gitea double on loopback: it keeps repositories and webhooks, answers with the shapes of Gitea's swagger
 * (Repository, Hook, ServerVersion, User, APIError) and records every request for the contract check.
 */
final class FakeGitea implements AutoCloseable {

    static final String TOKEN = "fake-gitea-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Recorded(String method, String path, String query, JsonNode body, int status, JsonNode response) {}

    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, Object>> repositories = new LinkedHashMap<>();
    final Map<String, List<Map<String, Object>>> hooks = new LinkedHashMap<>();
    final java.util.Set<String> missingOrganisations = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(100);
    private final HttpServer server;
    private volatile int failWith;
    private volatile String failMethod = "";
    private volatile long delayMillis;

    /** Where created repositories really exist, as bare repositories; null: nowhere (API only). */
    private final java.nio.file.Path gitRoot;

    FakeGitea() throws IOException {
        this(null);
    }

    /** A double whose repositories can also be cloned and pushed to, at file URLs under {@code gitRoot}. */
    FakeGitea(java.nio.file.Path gitRoot) throws IOException {
        this.gitRoot = gitRoot;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Fails the test with the first request it received that Gitea's published API does not have. */
    void assertEveryRequestMatchesGiteasApi() {
        var swagger = new GiteaSwagger();
        for (var exchange : requests) {
            org.assertj.core.api.Assertions.assertThat(swagger.problems(exchange))
                    .as(exchange.method() + " " + exchange.path()).isEmpty();
        }
    }

    /** A fresh directory for a test's data and its Gitea's repositories ({@code <root>/gitea}). */
    static java.nio.file.Path tempRoot(String prefix) {
        try {
            var root = java.nio.file.Files.createTempDirectory(prefix);
            java.nio.file.Files.createDirectories(root.resolve("gitea"));
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A double serving real bare repositories under {@code <root>/gitea}. */
    static FakeGitea servingUnder(java.nio.file.Path root) {
        try {
            return new FakeGitea(root.resolve("gitea"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every following request with this method fails with this status (0: none). */
    void failWith(String method, int status) {
        failMethod = method;
        failWith = status;
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
        var answer = answer(exchange, method, path, body);
        requests.add(new Recorded(method, path, query, body, answer.status(), answer.body()));
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
            return;
        }
        byte[] out = JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private record Answer(int status, JsonNode body) {}

    private Answer answer(HttpExchange exchange, String method, String path, JsonNode body) {
        if (!("token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, "token is required");
        }
        if (failWith != 0 && failMethod.equals(method)) {
            return error(failWith, "simulated failure " + failWith);
        }
        String[] parts = path.replaceFirst("^/api/v1", "").split("/");
        if (method.equals("GET") && path.equals("/api/v1/version")) {
            return ok(200, Map.of("version", "1.27.1"));
        }
        if (method.equals("GET") && path.equals("/api/v1/user")) {
            return ok(200, Map.of("id", 7, "login", "plate-bot", "full_name", "Plate", "email", "bot@example.com"));
        }
        if (method.equals("GET") && parts.length == 3 && parts[1].equals("orgs")) {
            return missingOrganisations.contains(parts[2]) ? error(404, "GetOrgByName")
                    : ok(200, Map.of("id", 3, "name", parts[2], "username", parts[2], "visibility", "private"));
        }
        if (method.equals("POST") && parts.length == 4 && parts[1].equals("orgs") && parts[3].equals("repos")) {
            if (missingOrganisations.contains(parts[2])) {
                return error(404, "GetOrgByName");
            }
            String fullName = parts[2] + "/" + body.path("name").asString();
            if (repositories.containsKey(fullName)) {
                return error(409, "The repository with the same name already exists.");
            }
            repositories.put(fullName, repository(fullName, body));
            return ok(201, repositories.get(fullName));
        }
        if (parts.length >= 4 && parts[1].equals("repos")) {
            String fullName = parts[2] + "/" + parts[3];
            if (!repositories.containsKey(fullName)) {
                return error(404, "The target couldn't be found.");
            }
            if (method.equals("GET") && parts.length == 4) {
                return ok(200, repositories.get(fullName));
            }
            if (method.equals("DELETE") && parts.length == 4) {
                repositories.remove(fullName);
                hooks.remove(fullName);
                return new Answer(204, null);
            }
            if (parts.length == 5 && parts[4].equals("hooks")) {
                var list = hooks.computeIfAbsent(fullName, name -> new ArrayList<>());
                if (method.equals("GET")) {
                    return ok(200, list);
                }
                if (method.equals("POST")) {
                    var hook = hook(body);
                    list.add(hook);
                    return ok(201, hook);
                }
            }
        }
        return error(404, "Not found: " + method + " " + path);
    }

    /** A repository someone made in Gitea before Plate came: returns its clone URL. */
    synchronized String createForTest(String fullName) {
        var option = JSON.createObjectNode().put("name", fullName.substring(fullName.indexOf('/') + 1))
                .put("private", true).put("default_branch", "main");
        repositories.put(fullName, repository(fullName, option));
        return (String) repositories.get(fullName).get("clone_url");
    }

    private Map<String, Object> repository(String fullName, JsonNode option) {
        var repository = new LinkedHashMap<String, Object>();
        repository.put("id", ids.incrementAndGet());
        repository.put("name", option.path("name").asString());
        repository.put("full_name", fullName);
        repository.put("description", option.path("description").asString());
        repository.put("private", option.path("private").asBoolean());
        repository.put("empty", true);
        repository.put("default_branch", option.path("default_branch").asString("main"));
        repository.put("clone_url", gitRoot == null ? url() + "/" + fullName + ".git" : bare(fullName));
        repository.put("html_url", url() + "/" + fullName);
        return repository;
    }

    private String bare(String fullName) {
        var dir = gitRoot.resolve(fullName + ".git");
        try {
            org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call()
                    .close();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return dir.toUri().toString();
    }

    private Map<String, Object> hook(JsonNode option) {
        var hook = new LinkedHashMap<String, Object>();
        hook.put("id", ids.incrementAndGet());
        hook.put("type", option.path("type").asString());
        hook.put("active", option.path("active").asBoolean());
        hook.put("events", JSON.convertValue(option.path("events"), List.class));
        var config = new LinkedHashMap<String, Object>();
        config.put("url", option.path("config").path("url").asString());
        config.put("content_type", option.path("config").path("content_type").asString());
        hook.put("config", config); // Gitea never returns the secret
        hook.put("branch_filter", option.path("branch_filter").asString());
        hook.put("created_at", "2026-11-26T10:00:00Z");
        return hook;
    }

    private static Answer ok(int status, Object body) {
        return new Answer(status, JSON.valueToTree(body));
    }

    private static Answer error(int status, String message) {
        return new Answer(status, JSON.valueToTree(Map.of("message", message, "url", "https://docs.gitea.com/api")));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String text(JsonNode node) {
        return new String(JSON.writeValueAsBytes(node), StandardCharsets.UTF_8);
    }
}
