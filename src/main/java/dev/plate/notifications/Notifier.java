package dev.plate.notifications;

/**
 * Queues an event for every channel that wants it, in the caller's transaction: the event is told once what it tells
 * is recorded, and never when that rolls back. Sending happens later, elsewhere; nothing waits for a receiver.
 */
public interface Notifier {

    void notify(NotificationEvent event);
}
