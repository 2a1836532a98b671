package dev.plate.gitops;

import dev.plate.gitea.GiteaHost;
import dev.plate.gitops.RepositoryHosting.Mode;
import java.util.Optional;

/**
 * Opens the places the config repository can live — the embedded server's bare repository, or a Gitea one with
 * Plate's local clone of it — and moves the history from one to another. Module {@code git} implements it with JGit;
 * which place is used, when to move and what to record are decided here ({@link RepositoryHosting}).
 */
public interface ConfigRepositoryBackends {

    /**
     * A place the repository can live, opened. {@code source}: saved, environment or default.
     *
     * @param repository one this port opened: only such a repository can be moved
     */
    record Backend(ConfigRepository repository, Mode mode, Optional<GiteaHost> gitea, String source) {}

    /**
     * @param created whether the Gitea repository was created just now
     * @param user the Gitea user the token belongs to
     */
    record Opened(Backend backend, boolean created, String user) {}

    Backend embedded(String source);

    String embeddedUrl();

    /** The repository in the organisation, created if missing, and Plate's local clone of it. */
    Opened gitea(GiteaHost host, String source);

    /**
     * The saved Gitea while it cannot be asked (down at start): the local clone serves reads, and commits fail
     * with Gitea's error until it answers again — Plate itself still starts, so an admin can act.
     */
    Backend giteaOffline(GiteaHost host, String cloneUrl, String user, String source);

    /** Takes back a repository created for a move that then failed: no partial state left in Gitea. */
    void forget(Opened opened);

    /**
     * A move's first steps, while the source still takes commits (no lock held): the target must hold nothing but
     * the source's history; the history is pushed there. Returns the target's head afterwards. A source sealed
     * already may only be moved on to the place its seal names. Refused with a {@link GitException} otherwise.
     */
    String prepareMove(Backend source, Backend target);

    /**
     * The rest, with no commit of this instance in flight: seals the source with {@code note} (adding
     * {@value RepositoryMovedException#NOTE}) and pushes what came since {@code targetHead}, the head
     * {@link #prepareMove} returned. If that fails, the seal is taken back.
     */
    void completeMove(Backend source, Backend target, String targetHead, String note, ChangeSet.Author author);

    /** Takes a seal back (the move's setting could not be stored). */
    void unseal(Backend source, ChangeSet.Author author, Exception why);
}
