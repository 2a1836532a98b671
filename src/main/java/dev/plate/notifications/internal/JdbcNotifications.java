package dev.plate.notifications.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.ConflictException;
import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.notifications.NotificationChannels;
import dev.plate.notifications.NotificationEvent;
import dev.plate.notifications.Notifier;
import dev.plate.security.CurrentUser;
import dev.plate.settings.SecretBox;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channels and the outbox in two tables. An event becomes one delivery row per channel that wants it, written in the
 * transaction of what it tells; {@link DeliverySender} sends them. A channel's secret is sealed, bound to its name.
 */
@Service
@Transactional
class JdbcNotifications implements Notifier, NotificationChannels {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    JdbcNotifications(JdbcTemplate jdbc, SecretBox secrets, CurrentUser user, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(NotificationEvent event) {
        for (var channel : all()) {
            // A channel of all events hears a rollback's outcome once, as the deployment it is.
            boolean wanted = (channel.events().isEmpty() ? !event.kind().equals("rollback")
                    : channel.events().contains(event.kind()))
                    && channel.project().map(event.project()::equals).orElse(true)
                    && channel.environment().map(event.environment()::equals).orElse(true)
                    && channel.team().map(team -> event.team().filter(team::equals).isPresent()).orElse(true);
            if (wanted) {
                queue(channel.id(), event);
            }
        }
    }

    private Delivery queue(long channel, NotificationEvent event) {
        String deliveryId = UUID.randomUUID().toString();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", deliveryId);
        payload.put("event", event.kind());
        payload.put("at", clock.instant().toString());
        payload.put("project", event.project());
        payload.put("environment", event.environment());
        event.team().ifPresent(team -> payload.put("team", team));
        payload.put("summary", event.summary());
        payload.put("details", event.details());
        var now = Timestamp.from(clock.instant());
        jdbc.update("insert into notification_delivery (delivery_id, channel_id, event, payload, state, attempts, "
                + "next_attempt_at, created_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)", deliveryId, channel,
                event.kind(), JSON.writeValueAsString(payload), now, now);
        return deliveries("where d.delivery_id = ?", 1, deliveryId).getFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return all();
    }

    private List<Channel> all() {
        return jdbc.query("select id, name, kind, url, secret, events, project, environment, team from "
                + "notification_channel order by name", JdbcNotifications::channel);
    }

    @Override
    public Channel create(NewChannel requested) {
        String name = requested.name() == null ? "" : requested.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("name", "A channel's name is lowercase letters, digits and '-', e.g. "
                    + "team-chat.");
        }
        if (requested.kind() == null) {
            throw new ValidationException("kind", "Choose WEBHOOK (Plate's JSON) or SLACK (Slack, Mattermost, "
                    + "Rocket.Chat).");
        }
        String url = requested.kind() == Kind.EMAIL ? mailto(requested.url()) : url(requested.url());
        var unknown = requested.events().stream().filter(kind -> !NotificationEvent.KINDS.contains(kind)).toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("events", "Unknown events " + unknown + ": choose from "
                    + NotificationEvent.KINDS + ".");
        }
        Optional<String> secret = requested.secret().map(String::strip).filter(text -> !text.isEmpty());
        if (secret.filter(text -> text.length() > 1024 || text.chars().anyMatch(c -> c < ' ')).isPresent()) {
            throw new ValidationException("secret", "A secret is one line of at most 1024 characters.");
        }
        try {
            jdbc.update("insert into notification_channel (name, kind, url, secret, events, project, environment, team, "
                    + "created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", name, requested.kind().name(), url,
                    secret.map(text -> secrets.seal(sealedName(name), text)).orElse(null),
                    String.join(",", new java.util.TreeSet<>(requested.events())), blank(requested.project()),
                    blank(requested.environment()), blank(requested.team()), user.name(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "There is a channel named " + name + " already.");
        }
        audit.record(user.name(), "notification.channel-created", "notification:" + name, requested.kind() + " to "
                + (requested.kind() == Kind.EMAIL ? url.substring("mailto:".length()) : URI.create(url).getHost())
                + ", events " + (requested.events().isEmpty() ? "all"
                : String.join(",", requested.events())) + (secret.isPresent() ? ", signed" : ""));
        return find(name);
    }

    @Override
    public void delete(String name) {
        find(name);
        jdbc.update("delete from notification_channel where name = ?", name);
        audit.record(user.name(), "notification.channel-removed", "notification:" + name, "with its deliveries");
    }

    @Override
    public Delivery test(String name) {
        var channel = find(name);
        audit.record(user.name(), "notification.test", "notification:" + name, "");
        return queue(channel.id(), new NotificationEvent("test", "plate", "-", Optional.empty(), "A test from Plate: "
                + "this channel works (sent by " + user.name() + ").", java.util.Map.of("sentBy", user.name())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(int limit) {
        return deliveries("", Math.max(1, Math.min(limit, 1000)));
    }

    @Override
    public Delivery resend(long id) {
        if (jdbc.update("update notification_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "claimed_until = null where id = ? and state <> 'PENDING'", Timestamp.from(clock.instant()), id) != 1) {
            throw new ConflictException("id", "Delivery #" + id + " does not exist or is still being sent.");
        }
        var delivery = deliveries("where d.id = ?", 1, id).getFirst();
        audit.record(user.name(), "notification.resent", "notification:" + delivery.channel(), delivery.event() + " "
                + delivery.deliveryId());
        return delivery;
    }

    /** The channel's secret, opened, to sign with. */
    Optional<String> secretOf(long channel) {
        record Sealed(String name, String secret) {}
        return jdbc.query("select name, secret from notification_channel where id = ?", (rs, i) -> new Sealed(
                rs.getString(1), rs.getString(2)), channel).stream().findFirst()
                .filter(sealed -> sealed.secret() != null).flatMap(sealed -> {
                    try {
                        return Optional.of(secrets.open(sealedName(sealed.name()), sealed.secret()));
                    } catch (IllegalStateException unreadable) {
                        throw new IllegalStateException("The channel's secret cannot be opened (sealed with another "
                                + "key): remove the channel and add it again.", unreadable);
                    }
                });
    }

    private List<Delivery> deliveries(String where, int limit, Object... args) {
        return jdbc.query("select d.id, d.delivery_id, c.name, d.event, d.state, d.attempts, d.last_status, "
                + "d.last_error, d.created_at, d.delivered_at from notification_delivery d join notification_channel c "
                + "on c.id = d.channel_id " + where + " order by d.id desc limit " + limit, (rs, i) -> {
                    int status = rs.getInt(7);
                    Optional<Integer> last = rs.wasNull() ? Optional.empty() : Optional.of(status);
                    return new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), last, Optional.ofNullable(rs.getString(8)),
                            rs.getTimestamp(9).toInstant(), Optional.ofNullable(rs.getTimestamp(10))
                                    .map(Timestamp::toInstant));
                }, args);
    }

    private Channel find(String name) {
        return all().stream().filter(channel -> channel.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no channel named '" + name + "'."));
    }

    /** http(s) to a host, no credentials in it (a secret goes in the secret field, sealed). */
    private static String url(String raw) {
        String text = raw == null ? "" : raw.strip();
        try {
            URI uri = new URI(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || text.length() > 2048) {
                throw new java.net.URISyntaxException(text, "not an http(s) address of a host");
            }
            return text;
        } catch (java.net.URISyntaxException e) {
            throw new ValidationException("url", "'" + text + "' is not an http(s) address to post to, e.g. "
                    + "https://hooks.slack.com/services/… (no user or password in it).");
        }
    }

    /** {@code mailto:} and addresses separated by commas (at most 50). */
    private static String mailto(String raw) {
        String text = raw == null ? "" : raw.strip();
        var addresses = java.util.Arrays.stream(text.replaceFirst("^mailto:", "").split(","))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        if (addresses.isEmpty() || addresses.size() > 50 || addresses.stream().anyMatch(address -> !SmtpMail.ADDRESS
                .matcher(address).matches())) {
            throw new ValidationException("url", "Give the addresses to write to as mailto:ops@acme.com,lee@acme.com.");
        }
        return "mailto:" + String.join(",", addresses);
    }

    private static String blank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
    }

    static String sealedName(String channel) {
        return "notification-channel:" + channel;
    }

    private static Channel channel(ResultSet rs, int i) throws SQLException {
        String events = rs.getString(6);
        return new Channel(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5) != null, events.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(
                events.split(","))), Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                Optional.ofNullable(rs.getString(9)));
    }
}
