package dev.plate.argocd;

import java.util.List;
import java.util.Optional;

/**
 * Plate's reads and writes of Argo CD objects in the management cluster. Writes go only to objects that carry
 * this installation's id ({@link LiveObject.Owner}): Plate never changes or deletes another's object, whatever
 * its name. Objects are written with server-side apply under the field manager {@value #FIELD_MANAGER}, so the
 * fields Argo CD and people own (status, their own labels, ignoreDifferences…) are never overwritten. Calls fail
 * with {@link ArgoCdException} when the cluster cannot be reached or refuses.
 */
public interface ArgoCd {

    String FIELD_MANAGER = "plate";

    /** Whether a management cluster is configured at all. */
    boolean connected();

    /** Argo CD's namespace in the connection in use (written into the committed Application files too). */
    String namespace();

    /** This installation's id, which every object Plate writes carries. */
    String installation();

    /** Every object labelled as Plate's (whichever Plate), of both kinds, as it is now: one list call per kind. */
    List<LiveObject> list();

    /** The object of that kind and name, whoever's it is. */
    Optional<LiveObject> get(ArgoCdObject.Kind kind, String name);

    /**
     * Writes {@code desired} (server-side apply, forcing Plate's fields back where they drifted), unless
     * {@code live} already holds it; creates it when there is none. Refuses an object that is not this
     * installation's.
     */
    Outcome apply(ArgoCdObject desired, Optional<LiveObject> live);

    /** Deletes the object if it still is this installation's (Argo CD's finalizer then removes what it deployed). */
    boolean delete(LiveObject object);

    /**
     * Asks Argo CD to look at the repository now instead of at its next poll; with {@code sync}, also starts a
     * sync of that revision initiated by that user (for environments that do not sync by themselves). Only an
     * Application of this installation's.
     */
    void refresh(String project, String environment, Optional<SyncRequest> sync);

    /**
     * Keeps Argo CD's credentials for the config repository: one Secret labelled
     * {@code argocd.argoproj.io/secret-type: repository}, created or replaced; empty removes it.
     */
    void applyRepository(Optional<RepositoryCredentials> credentials);

    /** The repository Secret Plate keeps, as it is in the cluster now. */
    Optional<RepositoryCredentials> repository();

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Read-only credentials Argo CD clones the config repository with.
     *
     * @param expiresAt when the credential ends, if Plate knows (it rotates it before then)
     */
    record RepositoryCredentials(String url, String username, String password, Optional<java.time.Instant> expiresAt) {
        @Override
        public String toString() {
            return "RepositoryCredentials[" + url + ", " + username + ", ***]";
        }
    }

    record SyncRequest(String user, String revision) {}
}
