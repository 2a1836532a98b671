package dev.plate.approvals.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.plate.approvals.DeploymentRequests;
import dev.plate.approvals.RequestView;
import dev.plate.base.ui.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Requests as a list of cards: what is asked, by whom, how many approvals it has, when it expires, and the buttons
 * the reader may use (review and approve, reject, withdraw). Hidden while there is nothing to show; drawn again after
 * each decision, and by whoever owns it when something else changed.
 */
public class RequestsPanel extends Div {

    private final transient DeploymentRequests requests;
    private final String heading;
    private final transient Supplier<List<RequestView>> source;
    private final Runnable onChange;

    /**
     * @param source which requests, read again at each drawing
     * @param onChange after a decision (a committed request changes the page around it too)
     */
    public RequestsPanel(DeploymentRequests requests, String heading, Supplier<List<RequestView>> source,
            Runnable onChange) {
        this.requests = requests;
        this.heading = heading;
        this.source = source;
        this.onChange = onChange;
        addClassName("plate-requests");
        refresh();
    }

    public final void refresh() {
        removeAll();
        var shown = source.get();
        setVisible(!shown.isEmpty());
        if (shown.isEmpty()) {
            return;
        }
        add(new H2(heading));
        var cards = new Div();
        cards.addClassName("plate-cards");
        shown.forEach(request -> cards.add(card(request)));
        add(cards);
    }

    private Div card(RequestView request) {
        var card = new Div();
        card.addClassName("plate-card");
        card.addClassName("plate-request");
        card.getElement().setAttribute("data-request", String.valueOf(request.id()));
        var title = new Span("#" + request.id() + " " + request.title());
        title.addClassName("plate-card-title");
        var who = new Paragraph("Asked by " + request.requestedBy() + ", " + ago(request.requestedAt()) + " · "
                + request.approvals() + " of " + request.required() + " approvals"
                + (request.decisions().isEmpty() ? "" : " (" + String.join(", ", request.decisions().stream()
                        .map(decision -> decision.username() + (decision.approved() ? "" : " rejected")).toList())
                        + ")") + " · expires " + until(request.expiresAt()));
        who.addClassName("plate-muted");
        var actions = new Div();
        actions.addClassName("plate-card-actions");
        var review = new Button(request.mayDecide() ? "Review and approve" : "Review", event -> new DecisionDialog(
                requests, request, this::decided).open());
        review.setId("request-review-" + request.id());
        review.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (request.mayDecide()) {
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        actions.add(review);
        if (request.mayCancel()) {
            var withdraw = new Button("Withdraw", event -> {
                try {
                    requests.cancel(request.id());
                    Notifications.success("Withdrew request #" + request.id());
                } catch (RuntimeException refused) {
                    Notifications.error(refused.getMessage());
                }
                decided();
            });
            withdraw.setId("request-withdraw-" + request.id());
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(withdraw);
        }
        card.add(title, who, actions);
        return card;
    }

    private void decided() {
        refresh();
        onChange.run();
    }

    private static String ago(Instant at) {
        return describe(Duration.between(at, Instant.now())) + " ago";
    }

    private static String until(Instant at) {
        Duration left = Duration.between(Instant.now(), at);
        return left.isNegative() ? "now" : "in " + describe(left);
    }

    private static String describe(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        return minutes < 1 ? "less than a minute" : minutes < 120 ? minutes + " min" : minutes < 48 * 60
                ? minutes / 60 + " h" : minutes / (24 * 60) + " days";
    }
}
