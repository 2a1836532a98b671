package dev.plate.argocd;

/**
 * Argo CD's read access to the config repository: the repository Secret Plate keeps in Argo CD's namespace.
 * Written before any Application that needs it, so Argo CD never meets an Application it cannot clone.
 */
public interface RepositoryAccess {

    enum Outcome { UNCHANGED, WRITTEN, ROTATED, REMOVED, NO_CREDENTIAL }

    /** Makes the Secret what it should be now: present, pointing at the repository, with a fresh credential. */
    Outcome ensure();
}
