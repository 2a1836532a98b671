package dev.plate.notifications;

import java.util.Map;
import java.util.Optional;

/**
 * Something people are told about.
 *
 * @param kind one of {@link #KINDS}
 * @param team the project's team, for channels limited to one
 * @param summary one line a person reads in chat: "web: deployment #12 to prod succeeded (image 1.4.2)"
 * @param details more, for the generic JSON payload (ids, image, who)
 */
public record NotificationEvent(String kind, String project, String environment, Optional<String> team,
        String summary, Map<String, Object> details) {

    public static final java.util.List<String> KINDS = java.util.List.of("request.created", "request.approved",
            "request.rejected", "request.expired", "request.stale", "deployment.succeeded", "deployment.failed", "deployment.timed_out",
            "rollback", "drift.repaired");
}
