package dev.plate.argocd.internal;

import static dev.plate.argocd.ApplicationManifests.ENVIRONMENT_LABEL;
import static dev.plate.argocd.ApplicationManifests.PROJECT_LABEL;

import dev.plate.argocd.ApplicationStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Reads the few fields Plate shows out of a whole Application as Argo CD writes it. */
final class StatusReader {

    private StatusReader() {}

    static ApplicationStatus read(GenericKubernetesResource app, Instant now) {
        Map<String, String> labels = Optional.ofNullable(app.getMetadata().getLabels()).orElse(Map.of());
        return new ApplicationStatus(app.getMetadata().getName(), labels.getOrDefault(PROJECT_LABEL, ""),
                labels.getOrDefault(ENVIRONMENT_LABEL, ""),
                text(app, "Unknown", "status", "sync", "status"),
                text(app, "Unknown", "status", "health", "status"),
                text(app, "", "status", "health", "message"),
                text(app, "", "status", "sync", "revision"),
                text(app, "", "status", "operationState", "phase"),
                text(app, "", "status", "operationState", "message"),
                text(app, "", "status", "operationState", "syncResult", "revision"),
                now);
    }

    static ApplicationStatus removed(ApplicationStatus last, Instant now) {
        return new ApplicationStatus(last.application(), last.project(), last.environment(), "Unknown", "Unknown",
                "The Application was deleted.", last.syncedRevision(), "", "", "", now);
    }

    private static String text(GenericKubernetesResource app, String otherwise, Object... path) {
        try {
            Object value = app.get(path);
            // Argo CD's messages can be long (whole kubectl errors); the store keeps a bounded line.
            String text = value == null ? otherwise : value.toString();
            return text.length() > 1024 ? text.substring(0, 1024) + "…" : text;
        } catch (ClassCastException | IllegalArgumentException e) {
            return otherwise;
        }
    }
}
