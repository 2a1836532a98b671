package dev.plate.deployment;

import dev.plate.history.DeploymentKind;

/**
 * A change worked out and not committed: what a request shows its approvers, and exactly what is committed once they
 * approved — the configuration it commits, and the values file it was planned against.
 *
 * @param description how the commit names the change: "to prod", "from staging to prod"
 * @param configJson the environment's whole configuration after the change
 */
public record PlannedChange(String project, String environment, DeploymentKind kind, String description,
        ChangePreview preview, String configJson) {

    /** The values file as it was when the change was planned: committing it is refused if it is not any more. */
    public String plannedAgainst() {
        return preview.files().isEmpty() ? "" : preview.files().getFirst().before();
    }

    /** The values file as the approvers saw it after the change: exactly what is committed, or nothing. */
    public String planned() {
        return preview.files().isEmpty() ? "" : preview.files().getFirst().after();
    }
}
