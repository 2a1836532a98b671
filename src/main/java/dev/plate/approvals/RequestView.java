package dev.plate.approvals;

import dev.plate.deployment.ChangePreview;
import dev.plate.history.DeploymentKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A request as people see it: the change, previewed as it was when asked, and its decisions so far.
 *
 * @param required approvals it needs (the environment's policy now)
 * @param mayDecide whether the person reading may approve or reject it now
 * @param mayCancel whether the person reading may withdraw it (who asked, or an administrator)
 */
public record RequestView(long id, String project, String environment, DeploymentKind kind, String description,
        ChangePreview preview, String requestedBy, Instant requestedAt, Instant expiresAt, RequestState state,
        int required, List<Decision> decisions, Optional<Long> deploymentId, Optional<String> reason,
        boolean mayDecide, boolean mayCancel) {

    /** @param approved false: rejected */
    public record Decision(String username, boolean approved, String comment, Instant at) {}

    public long approvals() {
        return decisions.stream().filter(Decision::approved).count();
    }

    /** "deploy web to prod", for lists and messages. */
    public String title() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + project + " " + description;
    }
}
