package dev.plate.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The start a JDK AOT cache is recorded from ({@code --plate.start-cache.training=true}: the image's build and
 * {@link Training}). Plate starts as it always does, waits until its health check answers UP, asks once for the
 * login page, over HTTP like any client, and ends. So the cache holds what a start loads and runs up to its first
 * answers: stopping once Spring's context was refreshed ({@code spring.context.exit=onRefresh}, before) left the
 * first administrator's creation, the start-up comparison and the first requests to start cold, about half a second
 * of every start from the cache.
 *
 * <p>Only as a command-line argument of a JVM that records a cache ({@code -XX:AOTCacheOutput}): a server that
 * stopped itself once ready because an environment variable said so (Spring would map
 * {@code PLATE_START_CACHE_TRAINING} onto the property) would be a trap. Read at run time, not as a condition: the
 * jar's bean definitions are fixed at build time (ADR 0015).
 */
@Component
class TrainingStart {

    static final String PROPERTY = "plate.start-cache.training";
    private static final String ARGUMENT = "--" + PROPERTY + "=true";
    private static final Logger log = LoggerFactory.getLogger(TrainingStart.class);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @EventListener(ApplicationReadyEvent.class)
    void atReady(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        boolean asked = Arrays.asList(ready.getArgs()).contains(ARGUMENT);
        if (!asked || !recordsACache()) {
            if (asked || context.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
                log.warn("{} is ignored: it is for recording a start-up cache only, as a command-line argument of a "
                        + "JVM started with -XX:AOTCacheOutput", PROPERTY);
            }
            return;
        }
        // Not on the thread that publishes the event: SpringApplication.run returns first, as in a real start.
        Thread.ofPlatform().name("training").start(() -> {
            int code = 1;
            try {
                code = exercise(context);
            } catch (Throwable unexpected) { // whatever happens, this JVM ends: a build must not wait for it forever
                log.error("Training start failed; no cache from this start", unexpected);
            } finally {
                System.exit(code);
            }
        });
    }

    private static boolean recordsACache() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
    }

    /** Returns the exit code: Spring's, or 1 if Plate never answered as it should. */
    private static int exercise(ConfigurableApplicationContext context) throws InterruptedException {
        String failure = "no web server";
        if (context instanceof WebServerApplicationContext web) {
            String base = "http://127.0.0.1:" + web.getWebServer().getPort();
            try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                failure = waitUntilUp(client, base + "/actuator/health");
                if (failure == null) {
                    int login = send(client, base + "/login").statusCode();
                    failure = login == 200 ? null : "the login page answered " + login;
                }
            } catch (IOException e) {
                failure = "the login page did not answer: " + e;
            }
        }
        int code = SpringApplication.exit(context);
        if (failure != null) {
            log.error("Training start: {}; no cache from this start", failure);
            return 1;
        }
        log.info("Training start: health UP and the login page served; ending");
        return code;
    }

    /** Returns null once health answers UP, else why it did not within {@link #PATIENCE}. */
    private static String waitUntilUp(HttpClient client, String health) throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        String last = "no answer";
        while (Instant.now().isBefore(until)) {
            try {
                var answer = send(client, health);
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return null;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) { // a slow answer on a busy machine: asked again until the patience is spent
                last = e.toString();
            }
            Thread.sleep(50);
        }
        return "health did not answer UP within " + PATIENCE.toMinutes() + " minutes (last: " + last + ")";
    }

    private static HttpResponse<String> send(HttpClient client, String address)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
