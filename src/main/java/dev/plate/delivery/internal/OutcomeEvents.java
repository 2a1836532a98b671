package dev.plate.delivery.internal;

import dev.plate.base.Subscription;
import dev.plate.history.DeploymentEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells open views when a deployment's outcome is decided, once it is recorded (on the deciding thread). */
@Component
class OutcomeEvents implements DeploymentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeEvents.class);

    private final List<Consumer<Finished>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Subscription subscribe(Consumer<Finished> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(Finished event) {
        for (var listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A deployment listener failed", e);
            }
        }
    }
}
