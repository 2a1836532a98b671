package dev.plate.base;

/** What ends a subscription to in-process events (a view unsubscribes when it detaches). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
