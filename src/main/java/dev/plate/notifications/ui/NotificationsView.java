package dev.plate.notifications.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.plate.base.ValidationException;
import dev.plate.base.ui.FieldErrors;
import dev.plate.base.ui.Notifications;
import dev.plate.notifications.NotificationChannels;
import dev.plate.notifications.NotificationChannels.Channel;
import dev.plate.notifications.NotificationChannels.Delivery;
import dev.plate.notifications.NotificationChannels.Kind;
import dev.plate.notifications.NotificationEvent;
import dev.plate.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Admin → Notifications: where Plate tells people about requests and deployments (webhooks with Plate's signed JSON,
 * Slack-compatible chats), and every delivery with its status, answer and a resend.
 */
@Route("admin/notifications")
@PageTitle("Notifications")
@Menu(order = 10.7, title = "Notifications", icon = "vaadin:bell")
@RolesAllowed(Roles.ADMIN)
class NotificationsView extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final transient NotificationChannels channels;
    private final Grid<Channel> channelGrid = new Grid<>();
    private final Grid<Delivery> deliveryGrid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final Select<Kind> kind = new Select<>();
    private final TextField url = new TextField("URL");
    private final PasswordField secret = new PasswordField("Secret (signs Plate's JSON; optional)");
    private final CheckboxGroup<String> events = new CheckboxGroup<>("Events (none ticked: all)");
    private final TextField project = new TextField("Only project");
    private final TextField environment = new TextField("Only environment");
    private final TextField team = new TextField("Only team");
    private final Map<String, HasValidation> fields = Map.of("name", name, "kind", kind, "url", url, "secret", secret,
            "events", events);

    NotificationsView(NotificationChannels channels, dev.plate.notifications.MailServer mail) {
        this.channels = channels;
        addClassName("plate-page");
        var intro = new Paragraph("Plate tells these channels about requests waiting for approval and how they were "
                + "decided, and about deployments' outcomes. Each event is kept until its channel took it (retried "
                + "with backoff for hours), and never holds a deployment up. Plate's JSON carries X-Plate-Event, "
                + "X-Plate-Delivery (an id to deduplicate by) and, with a secret, X-Plate-Signature: sha256=HMAC of "
                + "the body.");
        intro.addClassName("plate-muted");
        name.setId("channel-name");
        kind.setId("channel-kind");
        kind.setLabel("Kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(value -> switch (value) {
            case WEBHOOK -> "Webhook (Plate's JSON)";
            case SLACK -> "Slack, Mattermost, Rocket.Chat (incoming webhook)";
            case EMAIL -> "E-mail (URL: mailto:ops@acme.com,lee@acme.com)";
        });
        kind.setValue(Kind.WEBHOOK);
        url.setId("channel-url");
        url.setWidthFull();
        url.setPlaceholder("https://hooks.slack.com/services/…");
        secret.setId("channel-secret");
        events.setId("channel-events");
        events.setItems(NotificationEvent.KINDS);
        project.setId("channel-project");
        environment.setId("channel-environment");
        team.setId("channel-team");
        var add = new Button("Add channel", event -> add());
        add.setId("channel-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(name, kind, url, secret, events, project, environment, team, add);
        form.addClassName("plate-form");
        channelGrid.setId("channels");
        channelGrid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        channelGrid.addColumn(Channel::name).setHeader("Name").setAutoWidth(true);
        channelGrid.addColumn(channel -> channel.kind() + (channel.signed() ? ", signed" : "")).setHeader("Kind")
                .setAutoWidth(true);
        // A chat's webhook address holds its token: the host and the address's end are enough to tell them apart.
        channelGrid.addColumn(channel -> masked(channel.url())).setHeader("Address").setFlexGrow(1);
        channelGrid.addColumn(channel -> channel.events().isEmpty() ? "all" : String.join(", ", channel.events()))
                .setHeader("Events").setFlexGrow(1);
        channelGrid.addComponentColumn(this::channelActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        channelGrid.setAllRowsVisible(true);
        deliveryGrid.setId("deliveries");
        deliveryGrid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        deliveryGrid.addColumn(delivery -> WHEN.format(delivery.createdAt())).setHeader("Queued").setAutoWidth(true);
        deliveryGrid.addColumn(Delivery::channel).setHeader("Channel").setAutoWidth(true);
        deliveryGrid.addColumn(Delivery::event).setHeader("Event").setAutoWidth(true);
        deliveryGrid.addColumn(delivery -> delivery.state() + " (" + delivery.attempts() + ")").setHeader("State")
                .setKey("state").setAutoWidth(true);
        deliveryGrid.addColumn(delivery -> delivery.lastStatus().map(String::valueOf).orElse("")
                + delivery.lastError().map(error -> " " + error).orElse("")).setHeader("Answer").setFlexGrow(1);
        deliveryGrid.addComponentColumn(delivery -> {
            var resend = new Button("Resend", event -> {
                channels.resend(delivery.id());
                Notifications.success("Queued again: " + delivery.event() + " to " + delivery.channel());
                refresh();
            });
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            resend.setEnabled(!"PENDING".equals(delivery.state()));
            return resend;
        }).setKey("resend").setAutoWidth(true).setFlexGrow(0);
        var reload = new Button("Refresh", event -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(new H2("Notifications"), intro, channelGrid, new H2("Add a channel"), form, new H2("E-mail (SMTP)"),
                new MailSection(mail), new H2("Deliveries"), reload, deliveryGrid);
        refresh();
    }

    private Div channelActions(Channel channel) {
        var test = new Button("Send a test", event -> {
            channels.test(channel.name());
            Notifications.success("Queued a test for " + channel.name() + ": see Deliveries");
            refresh();
        });
        test.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var remove = new Button("Remove", event -> {
            channels.delete(channel.name());
            Notifications.success("Removed " + channel.name());
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new Div(test, remove);
    }

    private void add() {
        FieldErrors.clear(fields);
        try {
            channels.create(new NotificationChannels.NewChannel(name.getValue(), kind.getValue(), url.getValue(),
                    Optional.ofNullable(secret.getValue()), events.getValue(), Optional.ofNullable(project.getValue()),
                    Optional.ofNullable(environment.getValue()), Optional.ofNullable(team.getValue())));
            Notifications.success("Added " + name.getValue().strip());
            name.clear();
            url.clear();
            secret.clear();
            events.clear();
            refresh();
        } catch (ValidationException refusal) {
            FieldErrors.show(refusal, fields);
        }
    }

    static String masked(String url) {
        if (url.startsWith("mailto:")) {
            return url;
        }
        var uri = java.net.URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (path.length() > 8 ? "/…" + path.substring(path.length() - 4) : path);
    }

    private void refresh() {
        channelGrid.setItems(channels.channels());
        deliveryGrid.setItems(channels.deliveries(100));
    }
}
