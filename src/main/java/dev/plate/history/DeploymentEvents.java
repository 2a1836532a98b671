package dev.plate.history;

import dev.plate.base.Subscription;
import java.util.function.Consumer;

/** Tells open views when a deployment's outcome has been decided (after it is recorded), on a background thread. */
public interface DeploymentEvents {

    Subscription subscribe(Consumer<Finished> listener);

    record Finished(long id, String project, String environment, DeploymentState state) {}
}
