package dev.plate.projects.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plate.argocd.ApplicationStatus;
import dev.plate.argocd.ApplicationStatuses.Connection;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.history.DeploymentKind;
import dev.plate.history.DeploymentRecord;
import dev.plate.history.DeploymentState;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** What Argo CD says about one environment of a project, and what became of its last deployment. */
final class LiveStatus {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private LiveStatus() {}

    static Component of(Connection connection, Optional<ApplicationStatus> status, DeploymentRecord last,
            EnvironmentSummary env) {
        var box = new Div();
        box.addClassName("plate-live");
        switch (connection.state()) {
            case NOT_CONFIGURED -> box.add(text("Committed; Argo CD is not connected."));
            case CONNECTING -> box.add(text("Connecting to Argo CD…"));
            case UNKNOWN -> box.add(badge("Unknown", "not_configured"), text("Status unknown since "
                    + TIME.format(connection.since()) + ": " + connection.detail()));
            case LIVE -> status.ifPresentOrElse(s -> {
                box.add(badge(s.sync(), syncTone(s.sync())), badge(s.health(), healthTone(s.health())));
                String message = !s.healthMessage().isBlank() ? s.healthMessage()
                        : s.operationFailed() ? s.operationMessage() : "";
                if (!message.isBlank()) {
                    box.add(text(message));
                }
            }, () -> box.add(text("Argo CD has no Application for it yet.")));
        }
        if (connection.state() != Connection.State.NOT_CONFIGURED) {
            // Nobody asked Argo CD to sync an import into an environment that syncs only by hand.
            boolean waitsForAPerson = last.state() == DeploymentState.COMMITTED && !env.autoSync()
                    && last.kind() == DeploymentKind.IMPORT;
            var outcome = new Div(new Span("Deployment #" + last.id() + ": "), waitsForAPerson
                    ? badge("Waiting for a manual sync", "warning") : badge(label(last.state(), true),
                            tone(last.state(), true)));
            if (!last.outcome().isBlank()) {
                outcome.add(text(last.outcome()));
            }
            outcome.addClassName("plate-live-outcome");
            box.add(outcome);
        }
        return box;
    }

    /**
     * @param watched whether Argo CD is connected: without it, nothing will decide a committed deployment, and
     *     saying it waits for Argo CD would promise what will not happen
     */
    static String label(DeploymentState state, boolean watched) {
        return switch (state) {
            case COMMITTED -> watched ? "Waiting for Argo CD" : "Committed; Argo CD not connected";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case TIMED_OUT -> "Timed out";
            case SUPERSEDED -> "Superseded";
        };
    }

    static String tone(DeploymentState state, boolean watched) {
        return switch (state) {
            case SUCCEEDED -> "up";
            case FAILED, TIMED_OUT -> "down";
            case COMMITTED -> watched ? "progress" : "not_configured";
            case SUPERSEDED -> "not_configured";
        };
    }

    private static String syncTone(String sync) {
        return switch (sync) {
            case "Synced" -> "up";
            case "OutOfSync" -> "warning";
            default -> "not_configured";
        };
    }

    static String healthTone(String health) {
        return switch (health) {
            case "Healthy" -> "up";
            case "Degraded" -> "down";
            case "Progressing" -> "progress";
            case "Suspended", "Missing" -> "warning";
            default -> "not_configured";
        };
    }

    private static Span badge(String text, String tone) {
        var badge = new Span(text);
        badge.addClassNames("plate-badge", "plate-badge-" + tone.toLowerCase(Locale.ROOT));
        return badge;
    }

    /** Whether Argo CD is connected, so that committed deployments get an outcome. */
    static boolean watched(Connection connection) {
        return connection.state() != Connection.State.NOT_CONFIGURED;
    }

    private static Span text(String text) {
        var span = new Span(text);
        span.addClassName("plate-live-text");
        return span;
    }
}
