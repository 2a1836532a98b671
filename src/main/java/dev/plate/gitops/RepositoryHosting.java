package dev.plate.gitops;

import dev.plate.base.health.ComponentStatus;
import dev.plate.gitea.GiteaHost;
import java.util.Optional;

/**
 * Where the config repository lives — Plate's embedded Git server or a Gitea organisation — as an admin sets
 * it in Admin → Integrations (taking precedence over {@code PLATE_GITEA_*}). Saving another place moves the
 * repository with its whole history; the place it left is sealed with a commit saying where it went.
 */
public interface RepositoryHosting {

    enum Mode { EMBEDDED, GITEA }

    /**
     * What an admin asks for. A token left empty keeps the one saved.
     *
     * @param readUsername and {@code readToken}: the Gitea account Argo CD clones with (read-only); optional
     */
    record Request(Mode mode, String url, String organisation, Optional<String> token, String readUsername,
            Optional<String> readToken) {

        public static Request embedded() {
            return new Request(Mode.EMBEDDED, "", "", Optional.empty(), "", Optional.empty());
        }

        @Override
        public String toString() {
            return "Request[" + mode + ", " + url + ", " + organisation + ", tokens ***]";
        }
    }

    /**
     * What is in use; tokens only say whether one is saved.
     *
     * @param source {@code saved} (Admin → Integrations), {@code environment} ({@code PLATE_GITEA_*}) or
     *     {@code default} (the embedded server, nothing configured)
     */
    record Current(Mode mode, String url, String organisation, boolean tokenSaved, String readUsername,
            boolean readTokenSaved, String cloneUrl, String source) {}

    Current current();

    /** The Gitea in use, for its webhooks and Argo CD's credential; empty on the embedded server. */
    Optional<GiteaHost> gitea();

    /** Tries the place without saving or creating anything (it sends the token there: admins only). */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    ComponentStatus test(Request request);

    /**
     * Saves the place and moves the repository there if it is another one: its history is pushed there, the
     * old place is sealed, and every instance commits to the new one from then on (this one at once, others
     * within seconds). Refused with nothing changed when the new place is unreachable or holds another history.
     */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    ComponentStatus save(Request request);
}
