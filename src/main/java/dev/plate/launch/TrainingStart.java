package dev.plate.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
 * first administrator's creation, the start-up comparison and the first requests to start cold, about a second of
 * every start from the cache.
 *
 * <p>Read at run time, not as a condition: the jar's bean definitions are fixed at build time (ADR 0015).
 */
@Component
class TrainingStart {

    static final String PROPERTY = "plate.start-cache.training";
    private static final Logger log = LoggerFactory.getLogger(TrainingStart.class);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @EventListener(ApplicationReadyEvent.class)
    void atReady(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        if (!context.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        // Not on the thread that publishes the event: SpringApplication.run returns first, as in a real start.
        Thread.ofPlatform().name("training").start(() -> System.exit(exercise(context)));
    }

    private static int exercise(ConfigurableApplicationContext context) {
        boolean up = false;
        if (context instanceof WebServerApplicationContext web) {
            String base = "http://127.0.0.1:" + web.getWebServer().getPort();
            try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                up = waitUntilUp(client, base + "/actuator/health");
                if (up) {
                    int login = client.send(get(base + "/login"), HttpResponse.BodyHandlers.discarding()).statusCode();
                    log.info("Training start: health UP and the login page served ({}); ending", login);
                }
            } catch (IOException e) {
                log.warn("Training start: {}", e.toString());
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                up = false;
            }
        }
        int code = SpringApplication.exit(context);
        if (!up) {
            log.error("Training start: Plate's health did not answer UP within {}; no cache from this start", PATIENCE);
            return 1;
        }
        return code;
    }

    private static boolean waitUntilUp(HttpClient client, String health) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            var answer = client.send(get(health), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static HttpRequest get(String address) {
        return HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30)).build();
    }
}
