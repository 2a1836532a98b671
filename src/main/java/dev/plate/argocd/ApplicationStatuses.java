package dev.plate.argocd;

import dev.plate.base.Subscription;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The live status of every Plate-managed Application, fed by one watch on the management cluster (never a poll
 * per application). Reads are from memory.
 */
public interface ApplicationStatuses {

    Optional<ApplicationStatus> of(String project, String environment);

    Collection<ApplicationStatus> all();

    Connection connection();

    /**
     * Calls the listener with each changed status, on the watch's thread (hand long work elsewhere). A removed
     * Application is reported once more, with sync and health {@code Unknown}. Returns what ends the subscription.
     */
    Subscription subscribe(Consumer<ApplicationStatus> listener);

    /**
     * Whether Plate currently hears from Argo CD.
     *
     * @param since when this state began (for "unknown since …")
     * @param detail what failed, for a person
     */
    record Connection(State state, Instant since, String detail) {

        public enum State { NOT_CONFIGURED, CONNECTING, LIVE, UNKNOWN }
    }
}
