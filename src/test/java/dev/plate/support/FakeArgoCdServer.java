package dev.plate.support;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A double of Argo CD's API server (argocd-server) on 127.0.0.1: the resource tree, events and pod logs of the
 * Applications a test registers, answered as Argo CD 3.x answers through its grpc-gateway — including its traps:
 * 403 rather than 404 for an Application the token may not see, errors of a log stream inside the 200 stream,
 * events of a resource only with its uid. Every exchange is recorded for {@link ArgoCdServerSwagger}.
 */
public final class FakeArgoCdServer implements AutoCloseable {

    public static final String TOKEN = "fake-argocd-token";

    /** One request and what the double answered: one JSON body, or every line of a stream as written. */
    public record Recorded(String method, String path, String query, String contentType, String body, int status,
            String responseContentType, boolean streamed, List<JsonNode> responses) {}

    private static final Pattern APPLICATION = Pattern.compile("/api/v1/applications/([^/]+)");
    private static final Pattern TREE = Pattern.compile("/api/v1/applications/([^/]+)/resource-tree");
    private static final Pattern EVENTS = Pattern.compile("/api/v1/applications/([^/]+)/events");
    private static final String USER_INFO = "/api/v1/session/userinfo";
    /** The Argo CD account {@link #TOKEN} belongs to. */
    public static final String ACCOUNT = "plate";
    private static final Pattern LOGS = Pattern.compile("/api/v1/applications/([^/]+)(?:/pods/([^/]+))?/logs");

    private final Object state = new Object();
    private final ArgoCdClock clock = new ArgoCdClock();
    private final AtomicLong versions = new AtomicLong(41_000);
    private final Map<String, FakeArgoCdApp> apps = new LinkedHashMap<>();
    private final ArgoCdAnswers answers = new ArgoCdAnswers();
    private final ArgoCdPodLogs podLogs = new ArgoCdPodLogs(state, clock, answers);
    private final AtomicInteger logRequests = new AtomicInteger();
    private volatile int failWith;
    private final SelfSignedCertificate certificate;
    private final LoopbackHttpServer server;

    private FakeArgoCdServer(SelfSignedCertificate certificate) {
        this.certificate = certificate;
        this.server = new LoopbackHttpServer(certificate == null ? null : certificate.sslContext(), this::handle);
    }

    /** A double over plain HTTP. */
    public static FakeArgoCdServer start() {
        return new FakeArgoCdServer(null);
    }

    /** A double over HTTPS, its certificate self-signed for 127.0.0.1 and localhost, made now: see {@link #caPem()}. */
    public static FakeArgoCdServer https() {
        return new FakeArgoCdServer(SelfSignedCertificate.create());
    }

    public String url() {
        return (certificate == null ? "http" : "https") + "://127.0.0.1:" + server.port();
    }

    /** The certificate of an {@link #https()} double, PEM: the CA bundle a client must trust to reach it. */
    public String caPem() {
        if (certificate == null) {
            throw new IllegalStateException("a plain HTTP double has no certificate; start it with https()");
        }
        return certificate.pem();
    }

    /** The Application of this name, registered (visible to {@link #TOKEN}) on first use. */
    public FakeArgoCdApp app(String name) {
        synchronized (state) {
            return apps.computeIfAbsent(name, n -> new FakeArgoCdApp(n, state, clock, versions));
        }
    }

    /** A line the container writes now: appended to its log and flushed to every follow stream selecting it. */
    public void emit(String app, String pod, String container, String line) {
        FakeArgoCdApp application;
        synchronized (state) {
            application = apps.get(app);
        }
        if (application == null) {
            throw new IllegalArgumentException("no Application " + app + " registered");
        }
        podLogs.emit(application, pod, container, line);
    }

    /** Every following request is answered with this status and Argo CD's error body for it; 0 stops that. */
    public void failWith(int status) {
        failWith = status;
    }

    /** Argo CD's server.maxPodLogsToRender (argocd-cm), 10 unless set: more pods in one log request is a 400. */
    public void maxPodLogsToRender(int max) {
        podLogs.maxPodLogsToRender(max);
    }

    /** The double's clock, which stamps log lines and events. */
    public Instant now() {
        return clock.now();
    }

    public void advanceClock(Duration duration) {
        clock.advance(duration);
    }

    public List<Recorded> requests() {
        return answers.recorded();
    }

    /** Follow log streams open now. */
    public int openLogStreams() {
        return podLogs.open();
    }

    /** Follow log streams whose client hung up, noticed as it happened. */
    public int closedLogStreams() {
        return podLogs.closed();
    }

    /** Log requests received, streams or not. */
    public int logRequests() {
        return logRequests.get();
    }

    /** Waits until exactly {@code count} follow streams are open; false if that did not happen in time. */
    public boolean awaitOpenLogStreams(int count, Duration timeout) throws InterruptedException {
        return podLogs.awaitOpen(count, timeout);
    }

    /** Fails the test listing every exchange that Argo CD's published API does not allow. */
    public void assertEveryRequestMatchesArgoCdApi() {
        var swagger = new ArgoCdServerSwagger();
        var problems = requests().stream().flatMap(exchange -> swagger.problems(exchange).stream()).toList();
        org.assertj.core.api.Assertions.assertThat(problems).as("exchanges outside Argo CD's API").isEmpty();
    }

    @Override
    public void close() {
        server.close();
        podLogs.close();
    }

    private void handle(LoopbackHttpServer.Exchange exchange) throws IOException {
        var params = params(exchange.query);
        Matcher tree = TREE.matcher(exchange.path);
        Matcher events = EVENTS.matcher(exchange.path);
        Matcher logs = LOGS.matcher(exchange.path);
        Matcher application = APPLICATION.matcher(exchange.path);
        boolean known = tree.matches() || events.matches() || logs.matches() || application.matches()
                || exchange.path.equals(USER_INFO);
        if (!known || !exchange.method.equals("GET")) {
            int status = known ? 405 : 404; // grpc-gateway's own refusal, plain text (DefaultOtherErrorHandler)
            answers.text(exchange, status, ArgoCdJson.reason(status) + "\n");
        } else if (logs.matches()) {
            logRequests.incrementAndGet();
            logs(exchange, logs.group(1), logs.group(2), params);
        } else if (failWith != 0) {
            answers.failure(exchange, failWith, false);
        } else if (exchange.path.equals(USER_INFO)) {
            answers.json(exchange, 200, userInfo(authError(exchange) == null));
        } else if (authError(exchange) != null) {
            answers.json(exchange, 401, ArgoCdJson.runtimeError(401, authError(exchange)));
        } else {
            var access = access(tree.matches() ? tree.group(1) : events.matches() ? events.group(1)
                    : application.group(1), params);
            if (access.app() == null) {
                answers.json(exchange, access.status(), ArgoCdJson.runtimeError(access.status(), access.message()));
            } else if (tree.matches()) {
                answers.json(exchange, 200, access.app().tree());
            } else if (application.matches()) {
                answers.json(exchange, 200, access.app().application());
            } else {
                events(exchange, access.app(), params);
            }
        }
    }

    /**
     * GetUserInfo answers without credentials too (its AuthFuncOverride ignores a failed authentication): a wrong
     * token is {@code loggedIn: false}, not a 401.
     */
    private static tools.jackson.databind.node.ObjectNode userInfo(boolean loggedIn) {
        var info = ArgoCdJson.object();
        info.put("loggedIn", loggedIn);
        if (loggedIn) {
            info.put("username", ACCOUNT);
            info.put("iss", "argocd");
        }
        return info;
    }

    /** ListResourceEvents: the Application's own events, or one resource's, which must be in its tree. */
    private void events(LoopbackHttpServer.Exchange exchange, FakeArgoCdApp app, Map<String, String> params)
            throws IOException {
        String name = params.getOrDefault("resourceName", "");
        String uid = params.getOrDefault("resourceUID", "");
        if (name.isEmpty() && uid.isEmpty()) {
            answers.json(exchange, 200, app.eventList(app.applicationSubject()));
            return;
        }
        var node = app.node(name, params.getOrDefault("resourceNamespace", ""), uid);
        if (node.isPresent()) {
            answers.json(exchange, 200, app.eventList(app.subject(node.get())));
        } else {
            answers.json(exchange, 400, ArgoCdJson.runtimeError(400, name + " not found as part of application " + app.name()));
        }
    }

    /**
     * PodLogs, in its order: the gateway parses the query (a 400 runtimeError), then authentication, untilTime
     * and access fail as stream errors, then the pods' lines.
     */
    private void logs(LoopbackHttpServer.Exchange exchange, String appName, String podName, Map<String, String> params)
            throws IOException {
        ArgoCdLogStream.Query query;
        try {
            query = ArgoCdLogStream.Query.parse(params, podName);
        } catch (IllegalArgumentException e) {
            answers.json(exchange, 400, ArgoCdJson.runtimeError(400, e.getMessage()));
            return;
        }
        var access = access(appName, params);
        if (failWith != 0) {
            answers.failure(exchange, failWith, true);
        } else if (authError(exchange) != null) {
            answers.streamError(exchange, 401, authError(exchange));
        } else if (!validUntilTime(query)) {
            answers.streamError(exchange, 500, "invalid untilTime parameter value: " + query.untilTime());
        } else if (access.app() == null) {
            answers.streamError(exchange, access.status(), access.message());
        } else {
            podLogs.serve(exchange, access.app(), query);
        }
    }

    private static boolean validUntilTime(ArgoCdLogStream.Query query) {
        try {
            query.until();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Argo CD's Authenticate: the token as a bearer header; messages as its session manager words them. */
    private static String authError(LoopbackHttpServer.Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "no session information";
        }
        return authorization.equals("Bearer " + TOKEN) ? null
                : "invalid session: token is malformed: token contains an invalid number of segments";
    }

    private record Access(FakeArgoCdApp app, int status, String message) {}

    /**
     * getAppEnforceRBAC for a token that may see the registered Applications: an unknown one is 403 "permission
     * denied" so its existence does not leak; with a project the token may use, a wrong one is 404.
     */
    private Access access(String name, Map<String, String> params) {
        synchronized (state) {
            String namespace = params.getOrDefault("appNamespace", "");
            String project = params.getOrDefault("project", "");
            var app = apps.get(name);
            boolean otherNamespace = !namespace.isEmpty() && !namespace.equals(FakeArgoCdApp.NAMESPACE);
            boolean projectAllowed = apps.values().stream().anyMatch(a -> a.project().equals(project));
            if (otherNamespace || (project.isEmpty() ? app == null : !projectAllowed)) {
                return new Access(null, 403, "permission denied");
            }
            if (app == null || !project.isEmpty() && !app.project().equals(project)) {
                return new Access(null, 404, "applications.argoproj.io \"" + name + "\" not found");
            }
            return new Access(app, 200, "");
        }
    }

    /** The query as Go's url.ParseQuery reads it; the first value of a repeated name wins, as in the gateway. */
    private static Map<String, String> params(String query) {
        var params = new LinkedHashMap<String, String>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                params.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
