package dev.plate.argocd;

import java.time.Instant;
import java.util.Set;

/**
 * What Argo CD last reported about one Plate-managed Application: the small part of it Plate shows and acts on.
 *
 * @param sync {@code Synced}, {@code OutOfSync} or {@code Unknown}
 * @param health {@code Healthy}, {@code Progressing}, {@code Degraded}, {@code Suspended}, {@code Missing} or {@code Unknown}
 * @param syncedRevision the commit Argo CD compared the cluster with ({@code status.sync.revision})
 * @param operationPhase the last sync operation's phase ({@code Running}, {@code Succeeded}, {@code Failed},
 *     {@code Error}, {@code Terminating}), or empty when none ran
 * @param operationRevision the commit the last sync operation applied, or tried to
 * @param observedAt when Plate saw this state
 */
public record ApplicationStatus(String application, String project, String environment, String sync,
        String health, String healthMessage, String syncedRevision, String operationPhase, String operationMessage,
        String operationRevision, Instant observedAt) {

    private static final Set<String> FAILED_PHASES = Set.of("Failed", "Error");

    public boolean syncedAndHealthy() {
        return "Synced".equals(sync) && "Healthy".equals(health);
    }

    public boolean degraded() {
        return "Degraded".equals(health);
    }

    public boolean operationFailed() {
        return FAILED_PHASES.contains(operationPhase);
    }
}
