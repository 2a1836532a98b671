package dev.plate.argocdserver;

import java.time.Instant;

/**
 * One Kubernetes event of an Application or one of its resources.
 *
 * @param type Normal or Warning
 * @param kind the kind of the resource it is about (Pod, Deployment, Application…)
 * @param count how many times it happened (Kubernetes folds repeats into one event)
 */
public record ClusterEvent(Instant lastSeen, String type, String reason, String message, String kind, String name,
        int count) {

    public boolean warning() {
        return "Warning".equals(type);
    }
}
