package dev.plate.argocd;

import java.util.Map;
import java.util.Optional;

/**
 * An Argo CD object as it is in the cluster now, and whose it is.
 *
 * @param content Plate's fields of it, read back into Plate's own type (what Argo CD and people added is not there)
 * @param deleting whether Kubernetes is deleting it (Argo CD's finalizer is still at work)
 */
public record LiveObject(ArgoCdObject.Kind kind, String name, Map<String, String> labels, Owner owner,
        boolean deleting, ArgoCdObject content) {

    public enum Owner {
        /** Carries this installation's id: Plate's to change and, by recorded intent, to delete. */
        THIS_INSTALLATION,
        /**
         * Written by Plate before objects carried an installation id, and pointing at this installation's config
         * repository: adopted (the next write adds the id).
         */
        ADOPTABLE,
        /** Someone else's: another team's, another Plate's, a hand-made one. Never changed or deleted. */
        OTHER
    }

    public boolean ours() {
        return owner != Owner.OTHER;
    }

    public Optional<String> project() {
        return Optional.ofNullable(labels.get(ApplicationManifests.PROJECT_LABEL));
    }

    /** For a person: which object, and whose its labels say it is. */
    public String describe() {
        return kind.kind() + " " + name + (labels.isEmpty() ? " (no labels)" : " (labels " + labels + ")");
    }
}
