package dev.plate.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plate.approvals.DeploymentRequests;
import dev.plate.base.ConflictException;
import dev.plate.base.ValidationException;
import dev.plate.deployment.DeployRequest;
import dev.plate.deployment.DeploymentService;
import dev.plate.deployment.EnvironmentAdministration;
import dev.plate.deployment.ImportRequest;
import dev.plate.environment.ApprovalPolicy;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSettings;
import dev.plate.notifications.NotificationChannels.Kind;
import dev.plate.notifications.NotificationChannels.NewChannel;
import dev.plate.project.NewProject;
import dev.plate.security.Role;
import dev.plate.support.PlateTest;
import dev.plate.support.SignIn;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications received by a real HTTP server: Plate's JSON with its signature checked as a receiver checks it, a
 * Slack-compatible chat message, retries after 500s, an outage of the receiver that loses nothing, and bad channel
 * settings refused without a row. The outbox is sent every 200 ms here and retried from 200 ms on.
 */
@PlateTest
class NotificationsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    NotificationChannels channels;
    @Autowired
    DeploymentRequests requests;
    @Autowired
    DeploymentService deployments;
    @Autowired
    EnvironmentAdministration administration;
    @Autowired
    EnvironmentService environments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailServer mail;
    @Autowired
    SecurityContextHolderStrategy securityContext;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String project = "note-" + suffix;
    String prod;

    @BeforeEach
    void prodWaitsForAnApproval() {
        prod = environments.list().getLast().name();
        asAdmin(() -> {
            deployments.importProject(new ImportRequest(new NewProject(project, null, "ghcr.io/acme/" + project, 8080,
                    "/", List.of()), "1.0.0"));
            administration.update(prod, EnvironmentSettings.of(environments.find(prod).orElseThrow())
                    .withApprovals(new ApprovalPolicy(1, Role.MAINTAINER, false, false, Duration.ofHours(24))));
            return null;
        });
    }

    @AfterEach
    void cleanUp() {
        asAdmin(() -> {
            administration.update(prod, EnvironmentSettings.of(environments.find(prod).orElseThrow())
                    .withApprovals(ApprovalPolicy.NONE));
            deployments.deleteProject(project, project);
            channels.channels().stream().filter(channel -> channel.name().endsWith(suffix))
                    .forEach(channel -> channels.delete(channel.name()));
            return null;
        });
    }

    @Test
    void a_request_reaches_a_signed_webhook_and_a_chat_and_its_rejection_too() throws Exception {
        try (var receiver = new Receiver(0)) {
            asAdmin(() -> {
                channels.create(new NewChannel("hook-" + suffix, Kind.WEBHOOK, receiver.url("/hook"),
                        Optional.of("s3cret-key"), Set.of("request.created", "request.rejected"), Optional.of(project),
                        Optional.empty(), Optional.empty()));
                return channels.create(new NewChannel("chat-" + suffix, Kind.SLACK, receiver.url("/chat"),
                        Optional.empty(), Set.of("request.created", "request.rejected"), Optional.of(project),
                        Optional.of(prod), Optional.empty()));
            });
            assertThat(jdbc.queryForObject("select secret from notification_channel where name = ?", String.class,
                    "hook-" + suffix)).as("sealed").startsWith("v1:").doesNotContain("s3cret-key");

            long id = as("dana", Role.DEVELOPER, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0")))
                    .request().orElseThrow().id();

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/hook").size() == 1
                    && receiver.at("/chat").size() == 1);
            var hook = receiver.at("/hook").getFirst();
            assertThat(hook.header("Content-Type")).isEqualTo("application/json");
            assertThat(hook.header("X-Plate-Event")).isEqualTo("request.created");
            assertThat(hook.header("X-Plate-Signature")).as("HMAC-SHA256 of the body with the channel's secret")
                    .isEqualTo("sha256=" + hmac("s3cret-key", hook.body()));
            JsonNode body = JSON.readTree(hook.body());
            assertThat(body.path("id").asString()).isEqualTo(hook.header("X-Plate-Delivery"));
            assertThat(body.path("event").asString()).isEqualTo("request.created");
            assertThat(body.path("project").asString()).isEqualTo(project);
            assertThat(body.path("environment").asString()).isEqualTo(prod);
            assertThat(body.path("summary").asString()).contains("dana asks: deploy " + project + " to " + prod);
            assertThat(body.path("details").path("request").asLong()).isEqualTo(id);
            assertThat(body.path("details").path("diff").toString()).contains("+  tag: \\\"2.0.0\\\"");
            assertThat(JSON.readTree(receiver.at("/chat").getFirst().body()).path("text").asString())
                    .contains("dana asks: deploy " + project + " to " + prod);

            as("mia", Role.MAINTAINER, () -> requests.reject(id, "not today <!channel>"));

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/hook").size() == 2
                    && receiver.at("/chat").size() == 2);
            assertThat(receiver.at("/hook").get(1).header("X-Plate-Event")).isEqualTo("request.rejected");
            assertThat(receiver.at("/hook").get(1).body()).contains("mia rejected").contains("not today <!channel>");
            assertThat(JSON.readTree(receiver.at("/chat").get(1).body()).path("text").asString())
                    .as("what people wrote cannot ping the whole chat").contains("not today &lt;!channel&gt;");
            assertThat(jdbc.queryForList("select state from notification_delivery d join notification_channel c on "
                    + "c.id = d.channel_id where c.name like ?", String.class, "%-" + suffix)).containsOnly("DELIVERED");
        }
    }

    @Test
    void a_receiver_answering_500_gets_it_again_with_backoff() {
        try (var receiver = new Receiver(0, 500, 503, 200)) {
            asAdmin(() -> channels.create(new NewChannel("flaky-" + suffix, Kind.WEBHOOK, receiver.url("/"),
                    Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty())));

            var test = asAdmin(() -> channels.test("flaky-" + suffix));

            await().atMost(Duration.ofSeconds(15)).until(() -> delivery(test.id()).state().equals("DELIVERED"));
            assertThat(delivery(test.id()).attempts()).isEqualTo(3);
            assertThat(delivery(test.id()).lastStatus()).hasValue(200);
            assertThat(receiver.received).hasSize(3).extracting(request -> request.header("X-Plate-Delivery"))
                    .as("the same delivery each time, for the receiver to deduplicate").containsOnly(test.deliveryId());
            assertThat(receiver.received.getFirst().header("X-Plate-Signature")).as("no secret, no signature").isNull();
        }
    }

    /** The receiver is down: the delivery waits in the outbox (a table) and arrives once it is back. */
    @Test
    void nothing_is_lost_while_the_receiver_is_down() throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        asAdmin(() -> channels.create(new NewChannel("down-" + suffix, Kind.WEBHOOK, "http://127.0.0.1:" + port
                + "/in", Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty())));
        var test = asAdmin(() -> channels.test("down-" + suffix));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery(test.id()).attempts() >= 1);
        assertThat(delivery(test.id()).state()).isEqualTo("PENDING");
        assertThat(delivery(test.id()).lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("ConnectException"));

        try (var receiver = new Receiver(port)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> delivery(test.id()).state().equals("DELIVERED"));
            assertThat(receiver.at("/in")).hasSize(1);
        }
    }

    /**
     * An instance that claimed a delivery and died before sending it (killed, its machine gone) leaves the row claimed
     * and unsent: once the claim runs out, another instance sends it. Nothing acknowledged is lost.
     */
    @Test
    void a_delivery_an_instance_claimed_and_died_with_is_sent_once_the_claim_runs_out() {
        try (var receiver = new Receiver(0)) {
            long channel = asAdmin(() -> channels.create(new NewChannel("dead-" + suffix, Kind.WEBHOOK,
                    receiver.url("/dead"), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                    Optional.empty()))).id();
            var claimedUntil = java.time.Instant.now().plusSeconds(2);
            jdbc.update("insert into notification_delivery (delivery_id, channel_id, event, payload, state, attempts, "
                    + "next_attempt_at, claimed_until, created_at) values (?, ?, 'test', ?, 'PENDING', 0, ?, ?, ?)",
                    "dead-" + suffix, channel, "{\"summary\":\"left behind\"}", java.sql.Timestamp.from(
                    java.time.Instant.now()), java.sql.Timestamp.from(claimedUntil), java.sql.Timestamp.from(
                    java.time.Instant.now()));

            await().atMost(Duration.ofSeconds(15)).until(() -> receiver.at("/dead").size() == 1);
            var delivered = jdbc.queryForMap("select state, delivered_at from notification_delivery where delivery_id = ?",
                    "dead-" + suffix);
            assertThat(delivered.get("state")).isEqualTo("DELIVERED");
            assertThat(((java.sql.Timestamp) delivered.get("delivered_at")).toInstant()).as("not before the dead "
                    + "instance's claim ran out").isAfterOrEqualTo(claimedUntil);
        }
    }

    /** E-mail for approvers, received by a real SMTP server (GreenMail) as a mail server receives it. */
    @Test
    void approvers_get_an_email_through_a_real_smtp_server() throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(port,
                "127.0.0.1", com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            asAdmin(() -> {
                assertThatThrownBy(() -> mail.save(new MailServer.Smtp("127.0.0.1", port, "", Optional.empty(),
                        "not-an-address", false))).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("the address e-mail comes from");
                mail.save(new MailServer.Smtp("127.0.0.1", port, "", Optional.empty(), "plate@acme.test", false));
                assertThatThrownBy(() -> channels.create(new NewChannel("bad-mail-" + suffix, Kind.EMAIL,
                        "mailto:ops@acme.test,not an address", Optional.empty(), Set.of(), Optional.empty(),
                        Optional.empty(), Optional.empty()))).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("mailto:");
                return channels.create(new NewChannel("mail-" + suffix, Kind.EMAIL, "mailto:approvers@acme.test, "
                        + "lee@acme.test", Optional.empty(), Set.of("request.created"), Optional.of(project),
                        Optional.empty(), Optional.empty()));
            });

            as("dana", Role.DEVELOPER, () -> requests.submit(DeployRequest.image(project, prod, "2.0.0")));

            assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the message arrives").isTrue();
            var message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).startsWith("[Plate] " + project + ": dana asks: deploy " + project
                    + " to " + prod);
            assertThat(message.getFrom()[0].toString()).isEqualTo("plate@acme.test");
            assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).flatMap(received -> {
                try {
                    return java.util.Arrays.stream(received.getAllRecipients());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Object::toString).distinct().toList()).containsExactlyInAnyOrder("approvers@acme.test",
                    "lee@acme.test");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)).contains("dana asks")
                    .contains("\"request\"");
            assertThat(message.getHeader("X-Plate-Event")[0]).isEqualTo("request.created");
        } finally {
            smtp.stop();
            asAdmin(() -> {
                mail.save(new MailServer.Smtp("", 0, "", Optional.empty(), "", false));
                return null;
            });
        }
    }

    @Test
    void bad_channel_settings_are_refused_and_nothing_is_stored() {
        long before = jdbc.queryForObject("select count(*) from notification_channel", Long.class);
        asAdmin(() -> {
            assertThatThrownBy(() -> channels.create(new NewChannel("Team Chat", Kind.SLACK, "https://chat.example.com",
                    Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("lowercase letters");
            assertThatThrownBy(() -> channels.create(new NewChannel("x-" + suffix, Kind.SLACK,
                    "https://user:pass@chat.example.com/hook", Optional.empty(), Set.of(), Optional.empty(),
                    Optional.empty(), Optional.empty()))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("no user or password");
            assertThatThrownBy(() -> channels.create(new NewChannel("x-" + suffix, Kind.WEBHOOK, "ftp://host/x",
                    Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("http(s) address");
            assertThatThrownBy(() -> channels.create(new NewChannel("x-" + suffix, Kind.WEBHOOK, "https://h/x",
                    Optional.empty(), Set.of("deploy.done"), Optional.empty(), Optional.empty(), Optional.empty())))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("Unknown events [deploy.done]");
            channels.create(new NewChannel("x-" + suffix, Kind.WEBHOOK, "https://h/x", Optional.empty(), Set.of(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
            assertThatThrownBy(() -> channels.create(new NewChannel("x-" + suffix, Kind.WEBHOOK, "https://h/y",
                    Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty())))
                    .isInstanceOf(ConflictException.class);
            return null;
        });
        assertThat(jdbc.queryForObject("select count(*) from notification_channel", Long.class)).isEqualTo(before + 1);
    }

    private NotificationChannels.Delivery delivery(long id) {
        return asAdmin(() -> channels.deliveries(1000)).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    private static String hmac(String secret, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private <T> T asAdmin(Supplier<T> action) {
        return as("admin", Role.ADMIN, action);
    }

    private <T> T as(String user, Role role, Supplier<T> action) {
        SignIn.as(securityContext, user, role);
        try {
            return action.get();
        } finally {
            securityContext.clearContext();
        }
    }
}
