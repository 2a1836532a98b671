package dev.plate.support;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Kubernetes event about one object, as Argo CD's server lists it (eventsEvent, converted field for field from
 * core/v1 Event by server/events/events.go). A repeat of the same reason and message on the same object counts
 * up, as Kubernetes' event recorder aggregates it.
 */
final class ArgoCdEvent {

    /** The object an event is about: a node of the tree, or the Application itself. */
    record Subject(String apiVersion, String kind, String namespace, String name, String uid, String host) {}

    final Subject subject;
    final String type;
    final String reason;
    final String message;
    private final String name;
    private final String uid;
    private final Instant first;
    private Instant last;
    private int count = 1;
    private long resourceVersion;

    ArgoCdEvent(Subject subject, String type, String reason, String message, String uid, Instant time,
            long resourceVersion) {
        this.subject = subject;
        this.type = type;
        this.reason = reason;
        this.message = message;
        this.uid = uid;
        this.name = subject.name() + "." + Long.toHexString(time.getEpochSecond() * 1_000_000_000L + time.getNano());
        this.first = time;
        this.last = time;
        this.resourceVersion = resourceVersion;
    }

    boolean sameAs(Subject subject, String type, String reason, String message) {
        return this.subject.equals(subject) && this.type.equals(type) && this.reason.equals(reason)
                && this.message.equals(message);
    }

    void repeat(Instant time, long resourceVersion) {
        count++;
        last = time;
        this.resourceVersion = resourceVersion;
    }

    /** Fields in the Go struct's order; eventTime is a zero MicroTime for core/v1 events, which Go writes as null. */
    ObjectNode toJson() {
        var event = ArgoCdJson.object();
        event.putObject("metadata").put("name", name).put("namespace", subject.namespace()).put("uid", uid)
                .put("resourceVersion", String.valueOf(resourceVersion))
                .put("creationTimestamp", ArgoCdJson.time(first));
        event.putObject("involvedObject").put("kind", subject.kind()).put("namespace", subject.namespace())
                .put("name", subject.name()).put("uid", subject.uid()).put("apiVersion", subject.apiVersion());
        event.put("reason", reason).put("message", message);
        String component = component();
        var source = event.putObject("source");
        if (!component.isEmpty()) {
            source.put("component", component);
        }
        if (!subject.host().isEmpty()) {
            source.put("host", subject.host());
        }
        event.put("firstTimestamp", ArgoCdJson.time(first)).put("lastTimestamp", ArgoCdJson.time(last))
                .put("count", count).put("type", type).putNull("eventTime");
        if (!component.isEmpty()) {
            event.put("reportingComponent", component);
        }
        if (!subject.host().isEmpty()) {
            event.put("reportingInstance", subject.host());
        }
        return event;
    }

    /** Who reports events about each kind (the legacy recorder copies it into reportingComponent). */
    private String component() {
        return switch (subject.kind()) {
            case "Pod" -> "kubelet";
            case "ReplicaSet" -> "replicaset-controller";
            case "Deployment" -> "deployment-controller";
            case "HorizontalPodAutoscaler" -> "horizontal-pod-autoscaler";
            case "Application" -> "argocd-application-controller";
            default -> "";
        };
    }
}
