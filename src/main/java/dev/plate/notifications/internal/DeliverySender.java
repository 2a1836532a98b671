package dev.plate.notifications.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what the outbox holds, on every instance: a delivery is claimed for a while by a conditional update, so two
 * instances never send it at once, and one that dies mid-send leaves it to be sent again when the claim runs out.
 * A refusal or no answer is tried again with backoff (base × 3ⁿ, at most an hour apart) until the attempts run out.
 * Receivers should treat the delivery id as idempotency key: a delivery may arrive twice, never not at all.
 */
@Component
class DeliverySender {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Longer than any one send may take (an HTTP answer is cut off after {@link #TIMEOUT}, SMTP after its own). */
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final JdbcNotifications notifications;
    private final SmtpMail mail;
    private final Clock clock;
    private final Duration retryBase;
    private final Counter failed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Its own thread: a slow receiver never holds up the scheduled work the application shares one thread for. */
    private final java.util.concurrent.ScheduledExecutorService thread = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("notifications").daemon().factory());
    private final Duration interval;

    DeliverySender(JdbcTemplate jdbc, JdbcNotifications notifications, SmtpMail mail, Clock clock,
            MeterRegistry registry, @Value("${plate.notifications.retry-base:10s}") Duration retryBase,
            @Value("${plate.notifications.send-interval:2s}") Duration interval) {
        this.interval = interval;
        this.mail = mail;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
        this.retryBase = retryBase;
        this.failed = Counter.builder("plate.notifications.failed")
                .description("Notification deliveries given up after their last attempt").register(registry);
    }

    private record Due(long id, String deliveryId, long channel, String kind, String url, String event, String payload,
            int attempts) {}

    @jakarta.annotation.PostConstruct
    void start() {
        thread.scheduleWithFixedDelay(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DeliverySender.class).warn("Sending notifications failed; trying "
                        + "again in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    void sendDue() {
        Instant now = clock.instant();
        var due = jdbc.query("select d.id, d.delivery_id, d.channel_id, c.kind, c.url, d.event, d.payload, d.attempts "
                + "from notification_delivery d join notification_channel c on c.id = d.channel_id where d.state = "
                + "'PENDING' and d.next_attempt_at <= ? and (d.claimed_until is null or d.claimed_until < ?) order by "
                + "d.id limit 20", (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)), Timestamp.from(now),
                Timestamp.from(now));
        for (var delivery : due) {
            Instant claimed = clock.instant(); // each claim from now: the batch's start may be long gone
            if (jdbc.update("update notification_delivery set claimed_until = ? where id = ? and state = 'PENDING' and "
                    + "(claimed_until is null or claimed_until < ?)", Timestamp.from(claimed.plus(CLAIM)), delivery.id(),
                    Timestamp.from(claimed)) == 1) {
                send(delivery);
            }
        }
    }

    private void send(Due delivery) {
        int attempt = delivery.attempts() + 1;
        Integer status = null;
        String error = null;
        try {
            if ("EMAIL".equals(delivery.kind()) && mail.sender().isEmpty()) {
                // Not an attempt: the message waits until an administrator sets the server up.
                jdbc.update("update notification_delivery set last_error = ?, next_attempt_at = ?, claimed_until = null "
                        + "where id = ?", "E-mail is not set up: Admin → Notifications → E-mail (SMTP).",
                        Timestamp.from(clock.instant().plus(Duration.ofMinutes(1))), delivery.id());
                return;
            }
            if ("EMAIL".equals(delivery.kind())) {
                email(delivery);
                jdbc.update("update notification_delivery set state = 'DELIVERED', attempts = ?, last_status = null, "
                        + "last_error = null, delivered_at = ?, claimed_until = null where id = ?", attempt,
                        Timestamp.from(clock.instant()), delivery.id());
                return;
            }
            // The whole exchange bounded, body included: a receiver that answers slowly is cut off, not waited for.
            var pending = http.sendAsync(request(delivery), HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> response;
            try {
                response = pending.get(TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                pending.cancel(true);
                throw new IOException("no answer within " + (TIMEOUT.toSeconds() + 5) + " s");
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                jdbc.update("update notification_delivery set state = 'DELIVERED', attempts = ?, last_status = ?, "
                        + "last_error = null, delivered_at = ?, claimed_until = null where id = ?", attempt, status,
                        Timestamp.from(clock.instant()), delivery.id());
                return;
            }
            error = "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        boolean last = attempt >= MAX_ATTEMPTS;
        Duration wait = retryBase.multipliedBy((long) Math.pow(3, Math.min(attempt - 1, 10)));
        wait = wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
        jdbc.update("update notification_delivery set state = ?, attempts = ?, last_status = ?, last_error = ?, "
                + "next_attempt_at = ?, claimed_until = null where id = ?", last ? "FAILED" : "PENDING", attempt, status,
                error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error,
                Timestamp.from(clock.instant().plus(wait)), delivery.id());
        if (last) {
            failed.increment();
        }
    }

    private HttpRequest request(Due delivery) {
        byte[] body = "SLACK".equals(delivery.kind()) ? slack(delivery.payload())
                : delivery.payload().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("User-Agent", "Plate-Notifications")
                .header("X-Plate-Event", delivery.event()).header("X-Plate-Delivery", delivery.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        notifications.secretOf(delivery.channel()).ifPresent(secret -> request.header("X-Plate-Signature",
                "sha256=" + hmac(secret, body)));
        return request.build();
    }

    /** Plain text: the summary as subject and first line, then the details, and the delivery id to find it by. */
    private void email(Due delivery) {
        var sender = mail.sender().orElseThrow(() -> new IllegalStateException("E-mail is not set up: Admin → "
                + "Notifications → E-mail (SMTP)."));
        var event = JSON.readTree(delivery.payload());
        String summary = event.path("summary").asString();
        try {
            var message = sender.mail().createMimeMessage();
            var helper = new org.springframework.mail.javamail.MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(sender.from());
            helper.setTo(delivery.url().substring("mailto:".length()).split(","));
            helper.setSubject("[Plate] " + (summary.length() > 150 ? summary.substring(0, 149) + "…" : summary));
            helper.setText(summary + "\n\n" + event.path("details").toPrettyString() + "\n\nEvent " + delivery.event()
                    + ", delivery " + delivery.deliveryId() + ".\n");
            message.setHeader("X-Plate-Event", delivery.event());
            message.setHeader("X-Plate-Delivery", delivery.deliveryId());
            sender.mail().send(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("The message could not be written: " + e.getMessage(), e);
        }
    }

    /** Slack's incoming-webhook shape, which Mattermost and Rocket.Chat accept too. */
    private static byte[] slack(String payload) {
        var event = JSON.readValue(payload, Map.class);
        // Escaped as Slack asks: text people wrote (a comment) cannot ping a channel or hide a link.
        String text = String.valueOf(event.get("summary")).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;");
        return JSON.writeValueAsBytes(Map.of("text", text));
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
