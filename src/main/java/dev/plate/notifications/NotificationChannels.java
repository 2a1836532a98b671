package dev.plate.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;

/** Admin → Notifications: the channels, and the deliveries of the outbox. */
public interface NotificationChannels {

    enum Kind {
        /** Plate's own JSON, signed with {@code X-Plate-Signature} when the channel has a secret. */
        WEBHOOK,
        /** {@code {"text": …}}: Slack's incoming webhooks, and Mattermost's and Rocket.Chat's. */
        SLACK,
        /** E-mail through the SMTP server of {@link MailServer}; the channel's address is {@code mailto:a@x,b@y}. */
        EMAIL
    }

    /**
     * @param events the kinds it wants ({@link NotificationEvent#KINDS}); empty: all
     * @param secret for WEBHOOK: the HMAC key; never read back
     */
    record NewChannel(String name, Kind kind, String url, Optional<String> secret, Set<String> events,
            Optional<String> project, Optional<String> environment, Optional<String> team) {}

    record Channel(long id, String name, Kind kind, String url, boolean signed, Set<String> events,
            Optional<String> project, Optional<String> environment, Optional<String> team) {}

    /** @param state PENDING (waiting for its next attempt), DELIVERED or FAILED (no attempt left) */
    record Delivery(long id, String deliveryId, String channel, String event, String state, int attempts,
            Optional<Integer> lastStatus, Optional<String> lastError, Instant createdAt, Optional<Instant> deliveredAt) {}

    @PreAuthorize("hasRole('ADMIN')")
    List<Channel> channels();

    @PreAuthorize("hasRole('ADMIN')")
    Channel create(NewChannel channel);

    @PreAuthorize("hasRole('ADMIN')")
    void delete(String name);

    /** Queues a test event for this channel only, and says when it was delivered (or why not) on the list. */
    @PreAuthorize("hasRole('ADMIN')")
    Delivery test(String name);

    /** The newest deliveries first. */
    @PreAuthorize("hasRole('ADMIN')")
    List<Delivery> deliveries(int limit);

    /** Sends a delivery again, from its first attempt. */
    @PreAuthorize("hasRole('ADMIN')")
    Delivery resend(long id);
}
